import ArgumentParser

@main
struct Guichet: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "guichet",
    abstract: "Console d'accueil du service public régional de l'orientation (SPRO).",
    discussion: """
      Sans sous-commande, ouvre la console plein écran du poste d'accueil.
      La base est partagée par tous les postes d'un site (fichier SQLite).
      """,
    version: GuichetVersion.current,
    subcommands: [
      ConsoleCommand.self, InitCommand.self, ImportCommand.self, SearchCommand.self,
      FormationsCommand.self,
      BenchCommand.self, OperatorsCommand.self, TerritoriesCommand.self, SitesCommand.self,
      UsersCommand.self, AuditCommand.self,
      PersonCommand.self, PurgeCommand.self, ConsentCommand.self,
      DemoCommand.self, ReportCommand.self,
      BackupCommand.self, RestoreCommand.self, CheckCommand.self, SelfTestWriterCommand.self,
      BookingBenchWorkerCommand.self,
      FirstFrameCommand.self,
    ],
    defaultSubcommand: ConsoleCommand.self
  )
}

enum GuichetVersion {
  static let current = "0.1.0"
}
