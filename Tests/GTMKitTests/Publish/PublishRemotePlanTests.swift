import GTMKit
import Testing

@Suite("Publish: targets and remote commands")
struct PublishRemotePlanTests {
    let release = ReleaseName("20261204T123456Z")!
    let previous = ReleaseName("20261203T000000Z")!

    @Test func targetsFollowTheRsyncConvention() throws {
        #expect(try PublishTarget.parse("/srv/intel").get() == .local(path: "/srv/intel"))
        #expect(try PublishTarget.parse("./web:root").get() == .local(path: "./web:root"))
        #expect(try PublishTarget.parse("deploy@intel.internal:/srv/intel").get() == .remote(host: "deploy@intel.internal", path: "/srv/intel"))
        #expect(try PublishTarget.parse("host:intel").get() == .remote(host: "host", path: "intel"))
        #expect((try? PublishTarget.parse("host:").get()) == nil)
        #expect((try? PublishTarget.parse("-oProxyCommand=x:/srv").get()) == nil)
        #expect((try? PublishTarget.parse("").get()) == nil)
    }

    @Test func shellQuoting() {
        #expect(ShellQuote.sh("/srv/intel") == "/srv/intel")
        #expect(ShellQuote.sh("/srv/web root") == "'/srv/web root'")
        #expect(ShellQuote.sh("it's") == "'it'\\''s'")
        #expect(ShellQuote.sh("$(rm -rf /)") == "'$(rm -rf /)'")
        #expect(ShellQuote.sh("") == "''")
        #expect(ShellQuote.sh("~/web root") == "\"$HOME\"/'web root'")
        #expect(ShellQuote.rsyncTransport("/keys/my key") == "'/keys/my key'")
        #expect(ShellQuote.rsyncTransport("/keys/it's") == "\"/keys/it's\"")
    }

    @Test func sshCommandsQuoteTheRootAndRunUnderSh() {
        let plan = RemotePlan(host: "root@127.0.0.1", root: "/tmp/web root/",
                              ssh: SSHOptions(port: 2222, identity: "/tmp/k ey", options: ["StrictHostKeyChecking=no"]))
        let command = plan.switchCurrent(to: release)
        #expect(command.executable == "ssh")
        #expect(Array(command.arguments.prefix(7)) == ["-p", "2222", "-i", "/tmp/k ey", "-o", "StrictHostKeyChecking=no", "root@127.0.0.1"])
        let remote = command.arguments[7]
        #expect(remote.hasPrefix("sh -c '"))
        // The script, once the outer quotes are undone, cds into the quoted root and switches atomically.
        let script = remote.dropFirst("sh -c '".count).dropLast().replacingOccurrences(of: "'\\''", with: "'")
        #expect(script.contains("cd '/tmp/web root'\n"))
        #expect(script.contains("ln -s releases/20261204T123456Z current.tmp\nmv -T current.tmp current"))
        #expect(!script.contains("ln -sfn"))
    }

    @Test func transferUsesLinkDestIntoAStagingFolder() {
        let plan = RemotePlan(host: "deploy@web", root: "/srv/web root", ssh: SSHOptions(port: 2222, identity: "/keys/my key"))
        let command = plan.transfer(from: "/tmp/site", release: release, linkDest: previous)
        #expect(command.executable == "rsync")
        #expect(command.arguments.contains("--link-dest=../20261203T000000Z"))
        #expect(command.arguments.contains("--secluded-args"))
        let transport = command.arguments[command.arguments.firstIndex(of: "-e")! + 1]
        #expect(transport == "ssh -p 2222 -i '/keys/my key'")
        #expect(Array(command.arguments.suffix(2)) == ["/tmp/site/", "deploy@web:/srv/web root/releases/.partial-20261204T123456Z/"])
        #expect(!plan.transfer(from: "/tmp/site", release: release, linkDest: nil).arguments.contains { $0.hasPrefix("--link-dest") })
    }

    @Test func commitRenamesSwitchesThenPrunes() {
        let plan = RemotePlan(host: "h", root: "/srv/intel")
        let script = plan.commit(release, prune: [previous]).arguments.last!
        let rename = script.range(of: "mv -T releases/.partial-20261204T123456Z releases/20261204T123456Z")!
        let link = script.range(of: "mv -T current.tmp current")!
        let prune = script.range(of: "rm -rf -- releases/20261203T000000Z")!
        #expect(rename.upperBound < link.lowerBound && link.upperBound < prune.lowerBound)
        #expect(!plan.commit(release, prune: []).arguments.last!.contains("rm -rf --"))
    }

    @Test func inspectionOutputIsParsed() throws {
        let output = "Welcome!\ngtmgen-current=releases/20261203T000000Z\ngtmgen-release=20261203T000000Z\ngtmgen-release=20261204T123456Z\ngtmgen-release=.partial-x\n"
        let set = try RemotePlan.parseInspection(output).get()
        #expect(set.live == previous)
        #expect(set.releases == [previous, release])
        #expect(try RemotePlan.parseInspection("gtmgen-current=\n").get().live == nil)
        #expect((try? RemotePlan.parseInspection("gtmgen-not-symlink\ngtmgen-current=\n").get()) == nil)
        // A read-only inspection does not create anything on the remote.
        let readOnly = RemotePlan(host: "h", root: "/srv/intel").inspect(prepare: false).arguments.last!
        #expect(!readOnly.contains("mkdir"))
    }

    @Test func remotePublishRunsInspectTransferCommitInOrder() throws {
        final class Recorder: @unchecked Sendable { var commands: [ExternalCommand] = [] }
        let recorder = Recorder()
        let names = (1...5).map { "2026120\($0)T000000Z" }
        let inspection = "gtmgen-current=releases/20261205T000000Z\n" + names.map { "gtmgen-release=\($0)\n" }.joined()
        let web = RemoteWebRoot(plan: RemotePlan(host: "h", root: "/srv/intel")) { command in
            recorder.commands.append(command)
            return recorder.commands.count == 1 ? inspection : ""
        }
        let outcome = try web.publish(siteFolder: "/tmp/site", fileCount: 3, keep: 5, now: .init(timeIntervalSince1970: 1_795_996_800 + 10 * 86400))
        #expect(outcome.release.description == "20261210T000000Z")
        #expect(outcome.previous?.description == "20261205T000000Z")
        #expect(outcome.pruned.map(\.description) == ["20261201T000000Z"])
        #expect(recorder.commands.map(\.executable) == ["ssh", "rsync", "ssh"])
        #expect(recorder.commands[1].arguments.contains("--link-dest=../20261205T000000Z"))
    }
}
