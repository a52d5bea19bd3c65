import ArgumentParser
import GTMKit

@main
struct GTMGen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gtmgen",
        abstract: "Build a browsable static site from Markdown briefs: competitor analyses (5W1H), SWOTs, GTM modules and pages.",
        discussion: """
        A project holds gtmgen.yaml (optional), content/ (Markdown with YAML front matter) and templates/ (optional Mustache overrides). Problems are reported as path:line:column: error|warning: message.

        Examples:
          gtmgen build                      build content/ into site/
          gtmgen build --drafts --strict    include drafts; fail on warnings too
          gtmgen check --format json        validate only, machine-readable (for CI)
          gtmgen new competitor "Acme CRM"  scaffold content/competitors/acme-crm.md
        """,
        version: GTMKitVersion.string,
        subcommands: [BuildCommand.self, CheckCommand.self, NewCommand.self, PublishCommand.self, ServeCommand.self],
        defaultSubcommand: nil
    )

    static func main() {
        InternalErrorReport.install()
        main(nil)
    }
}
