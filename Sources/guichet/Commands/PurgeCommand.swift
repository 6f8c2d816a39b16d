import ArgumentParser
import Foundation
import GuichetCore
import GuichetStore

/// `guichet purge [--dry-run]`: erases the contacts past their retention period, and audit entries past theirs.
/// Consoles also run it at start and daily; this is for a cron job or to see what would go.
struct PurgeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "purge",
    abstract:
      "Efface les coordonnées dont la durée de conservation est passée (et le vieux journal d'audit).",
    discussion: """
      Les coordonnées sont effacées la durée annoncée par le texte de consentement (3 mois par défaut)
      après le dernier événement du rendez-vous. Les visites anonymes et les preuves de consentement restent.
      Le journal d'audit est gardé de 6 à 12 mois (--audit-months, 12 par défaut), les recherches
      sans résultat \(AppDatabase.searchMissRetentionDays) jours, le registre des effacements \(ErasureLedger.retentionDays) jours.
      La tête du journal d'audit est notée dans le journal du système et le fichier témoin (--witness).
      Le journal -wal est toujours vidé, ce qui termine un effacement resté en attente de nettoyage.
      Code de sortie : 0 fait, 3 nettoyage encore en attente (un autre poste lit la base), 1 échec.
      """)

  @Flag(name: .long, help: "Liste ce qui serait effacé, sans rien effacer.")
  var dryRun = false

  @Option(
    name: .long,
    help: ArgumentHelp("Mois de conservation du journal d'audit (6 à 12).", valueName: "mois"))
  var auditMonths = AppDatabase.defaultAuditRetentionMonths

  @OptionGroup var witness: AuditWitnessOptions
  @OptionGroup var location: DatabaseOptions

  func run() throws {
    try CommandLineErrors.usage("purge") {
      guard AppDatabase.auditRetentionMonths.contains(auditMonths) else {
        throw UserError("--audit-months va de 6 à 12.")
      }
    }
    let path = location.path
    ExposureNotice.report(path: path)
    let formatter = ISO8601DateFormatter()
    try CommandLineErrors.report {
      // A cron line with a mistyped path must fail, not purge a new empty base.
      var database = try AppDatabase.open(path: path, missing: .refuse)
      // Every purge writes the trail's head (and any anchor it writes) outside the file.
      database.auditWitness = witness.witness(forDatabase: path)
      if dryRun {
        let expired = try database.expiredContacts()
        try StandardOutput.line("Coordonnées à effacer : \(expired.count).")
        for contact in expired {
          try StandardOutput.line(
            "  coordonnées n° \(contact.contactID) (consentement n° \(contact.consentID)), dernier événement le \(formatter.string(from: contact.lastEventAt)), conservation \(contact.retentionDays) jours"
          )
        }
        return
      }
      let report = try database.purgeForRetention(auditMonths: auditMonths)
      try StandardOutput.line(
        "Coordonnées effacées : \(report.contacts.count). Entrées du journal d'audit purgées : \(report.auditEntries)."
      )
      try StandardOutput.line(
        "Recherches sans résultat purgées : \(report.searchMisses). Effacements oubliés du registre (plus de \(ErasureLedger.retentionDays) jours) : \(report.ledgerRows)."
      )
      switch report.scrub {
      case .clean:
        try StandardOutput.line(
          "Journal -wal vidé : aucune trace des coordonnées effacées ne reste.")
      case .walBusy:
        try StandardOutput.line(
          "Journal -wal non vidé (un autre poste lit la base) ; aucun effacement n'attend de nettoyage."
        )
      case .pending:
        CommandLineMessage.error(ScrubState.pendingNotice)
      }
      if let failure = report.witnessFailure {
        CommandLineMessage.error(failure)
      }
      // A pending scrub is the more urgent answer (personal data may remain); then the unwritten witness.
      if report.scrub == .pending { throw ExitCode(ScrubState.pendingExitCode) }
      if report.witnessFailure != nil { throw ExitCode.failure }
    }
  }
}
