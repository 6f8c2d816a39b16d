import ArgumentParser
import Foundation
import GuichetCore
import GuichetStore

/// `guichet audit verify|list|head`: the hash-chained trail of logins and accesses to contact data.
struct AuditCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "audit",
    abstract: "Journal d'audit : connexions et accès aux coordonnées (numéros seulement).",
    subcommands: [AuditVerifyCommand.self, AuditListCommand.self, AuditHeadCommand.self])
}

struct AuditVerifyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "verify",
    abstract: "Vérifie que le journal n'a été ni modifié ni amputé (chaînage SHA-256 et témoin).",
    discussion: """
      Compare aussi le journal aux têtes notées hors de la base : celles du fichier témoin (--witness,
      sinon GUICHET_AUDIT_WITNESS, sinon <base>.audit-witness s'il existe) et celles données par --head.
      Code de sortie : 0 journal intact, 2 journal altéré, 1 vérification impossible.
      """)

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Tête notée ailleurs (journal du système), « numéro:empreinte » ; répétable.",
      valueName: "N:HASH"))
  var head: [String] = []

  @OptionGroup var witness: AuditWitnessOptions
  @OptionGroup var location: DatabaseOptions

  func run() throws {
    let heads = try CommandLineErrors.usage("audit verify") {
      try head.map { token in
        guard let parsed = AuditHead(token: token) else {
          throw UserError(
            "--head attend « numéro:empreinte » (64 chiffres hexadécimaux), pas « \(SafeText.clean(token)) »."
          )
        }
        return parsed
      }
    }
    let path = location.path
    ExposureNotice.report(path: path)
    let (result, file, lines) = try CommandLineErrors.report {
      let (file, lines) = try witnessLines(database: path)
      let evidence = AuditEvidence(lines: lines, heads: heads)
      return (
        try AppDatabase.open(path: path, missing: .refuse).verifyAudit(against: evidence), file,
        lines
      )
    }
    if let problem = result.problem {
      CommandLineMessage.error("journal d'audit altéré : \(problem).")
      throw ExitCode(2)
    }
    try StandardOutput.line("Journal d'audit intact : \(result.entries) entrée(s).")
    if let file, let last = lines.max(by: { $0.entry < $1.entry }) {
      try StandardOutput.line(
        "Conforme au témoin « \(file) » : \(lines.count) tête(s) notée(s), la dernière n° \(last.entry) le \(last.at)."
      )
    }
    if !heads.isEmpty {
      try StandardOutput.line("Conforme à \(heads.count) tête(s) donnée(s) par --head.")
    }
    if file == nil && heads.isEmpty {
      try StandardOutput.line(
        "Sans témoin extérieur : un fichier réécrit en entier par qui peut l'écrire ne se verrait pas (voir « guichet audit head »)."
      )
    }
  }

  /// The named witness file must exist and speak of this database; the default one is read when present.
  func witnessLines(database: String) throws -> (String?, [AuditWitnessLine]) {
    let file = witness.path(forDatabase: database)
    if witness.named == nil && !FileManager.default.fileExists(atPath: file) { return (nil, []) }
    guard FileManager.default.fileExists(atPath: file) else {
      throw UserError(
        "Témoin du journal d'audit « \(file) » introuvable (« guichet audit head » en commence un)."
      )
    }
    let lines = try AuditWitness.lines(inFile: file, database: database)
    guard !lines.isEmpty else {
      throw UserError(
        "Le témoin « \(file) » ne note aucune tête de la base « \(AuditWitness.canonicalPath(database)) »."
      )
    }
    return (file, lines)
  }
}

/// `guichet audit head`: writes the trail's head to the system log and the witness file, for a cron job
/// or before handing a copy of the file over.
struct AuditHeadCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "head",
    abstract:
      "Note la tête du journal (dernier numéro et son empreinte) dans le journal du système et le fichier témoin.",
    discussion: """
      La purge et les consoles (au démarrage et au changement de jour) la notent aussi. Gardez le témoin hors
      de portée de qui peut écrire la base : « guichet audit verify » s'y compare.
      """)

  @OptionGroup var witness: AuditWitnessOptions
  @OptionGroup var location: DatabaseOptions

  func run() throws {
    let path = location.path
    ExposureNotice.report(path: path)
    let file = witness.path(forDatabase: path)
    let head = try CommandLineErrors.report {
      var database = try AppDatabase.open(path: path, missing: .refuse)
      database.auditWitness = witness.witness(forDatabase: path)
      return try database.witnessAuditHead()
    }
    try StandardOutput.line("Tête du journal d'audit : \(head.token)")
    try StandardOutput.line("Notée dans le journal du système et dans « \(file) ».")
  }
}

struct AuditListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "Affiche les dernières entrées du journal.")

  @Option(name: .long, help: ArgumentHelp("Nombre d'entrées.", valueName: "n"))
  var limit = 50

  @OptionGroup var location: DatabaseOptions

  func run() throws {
    let path = location.path
    ExposureNotice.report(path: path)
    let entries = try CommandLineErrors.report {
      try AppDatabase.open(path: path, missing: .refuse).auditEntries(
        limit: max(1, min(limit, 10_000)), by: .commandLine)
    }
    let formatter = ISO8601DateFormatter()
    for entry in entries {
      let who =
        entry.accountID.map { "compte \($0)" }
        ?? (entry.via == "system" ? "automatique" : "ligne de commande")
      let what = entry.action?.label ?? "?"
      let row =
        entry.subject.map { s in " \(s)" + (entry.subjectID.map { " n° \($0)" } ?? "") } ?? ""
      let count = entry.count.map { " (\($0))" } ?? ""
      try StandardOutput.line(
        "\(entry.id)\t\(formatter.string(from: entry.at))\t\(who)\t\(what)\(row)\(count)")
    }
  }
}
