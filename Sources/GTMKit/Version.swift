public enum GTMKitVersion { public static let string = "0.1.0" }
