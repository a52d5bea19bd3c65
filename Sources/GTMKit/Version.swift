import Foundation

public enum GTMKitVersion {
    public static let string = "0.1.0"

    /// The version and the stamp of the running executable. A cache written by another build
    /// of gtmgen, even one with the same version number, may hold pages that this one renders
    /// differently (a fix to escaping, say): it must not be trusted.
    static let buildIdentity: String = {
        guard let path = Bundle.main.executablePath, let stamp = FileStamp.of(path) else { return string }
        return "\(string)+\(stamp.size).\(stamp.modifiedNanoseconds).\(stamp.inode)"
    }()
}
