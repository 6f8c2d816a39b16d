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
      Le journal d'audit est gardé de 6 à 12 mois (--audit-months, 12 par défaut).
      """)

  @Flag(name: .long, help: "Liste ce qui serait effacé, sans rien effacer.")
  var dryRun = false

  @Option(
    name: .long,
    help: ArgumentHelp("Mois de conservation du journal d'audit (6 à 12).", valueName: "mois"))
  var auditMonths = AppDatabase.defaultAuditRetentionMonths

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
      let database = try AppDatabase.open(path: path)
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
      let erased = try database.purgeExpiredContacts()
      let audit = try database.purgeAudit(keepingMonths: auditMonths)
      try StandardOutput.line(
        "Coordonnées effacées : \(erased.count). Entrées du journal d'audit purgées : \(audit).")
    }
  }
}
