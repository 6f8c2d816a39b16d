import ArgumentParser
import Foundation
import GuichetCore
import GuichetStore

/// `guichet person find|export|erase`: access and erasure requests (RGPD articles 15 and 17), handled on the
/// server by the data controller's account. Every read, export and erasure goes to the audit trail.
struct PersonCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "person",
    abstract:
      "Demandes d'accès et d'effacement : retrouve, exporte ou efface les coordonnées d'une personne.",
    discussion: """
      La personne est retrouvée par son téléphone ou son adresse électronique, tels qu'elle les a donnés.
      Chaque consultation, export et effacement est inscrit au journal d'audit.
      Exemples :
        guichet person find --phone "06 12 34 56 78"
        guichet person export --email marie@example.fr > demande-acces.json
        guichet person erase --phone 0612345678
      L'effacement retire aussi les recherches sans résultat qui contiennent le nom, et garde une empreinte
      (jamais le numéro ni l'adresse) pour effacer de nouveau la personne si une sauvegarde est restaurée.
      Code de sortie de erase : 0 effacé et fichiers nettoyés, 3 effacé mais nettoyage en attente, 1 échec.
      """,
    subcommands: [PersonFindCommand.self, PersonExportCommand.self, PersonEraseCommand.self])
}

/// `--phone` or `--email`, validated as the contact form does.
struct PersonKey: ParsableArguments {
  @Option(name: .long, help: ArgumentHelp("Téléphone de la personne.", valueName: "téléphone"))
  var phone: String?

  @Option(
    name: .long, help: ArgumentHelp("Adresse électronique de la personne.", valueName: "adresse"))
  var email: String?

  func parsed(_ command: String) throws -> (PhoneNumber?, EmailAddress?) {
    try CommandLineErrors.usage(command) {
      guard phone != nil || email != nil else {
        throw UserError("indiquez --phone ou --email.")
      }
      return (
        try phone.map { try PhoneNumber(parsing: $0) },
        try email.map { try EmailAddress(parsing: $0) }
      )
    }
  }
}

struct PersonFindCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "find",
    abstract: "Affiche les coordonnées, consentements et rendez-vous d'une personne.")

  @OptionGroup var key: PersonKey
  @OptionGroup var location: DatabaseOptions

  func run() throws {
    let (phone, email) = try key.parsed("person find")
    let path = location.path
    ExposureNotice.report(path: path)
    let records = try CommandLineErrors.report {
      try AppDatabase.open(path: path, missing: .refuse).person(
        phone: phone, email: email, by: .commandLine)
    }
    if records.isEmpty {
      try StandardOutput.line("Aucune coordonnée enregistrée pour cette personne.")
    }
    let formatter = ISO8601DateFormatter()
    for record in records {
      let reach = [record.phone, record.email].compactMap { $0 }.joined(separator: ", ")
      try StandardOutput.line(
        "Coordonnées n° \(record.contactId) : \(SafeText.clean(record.firstName)) \(SafeText.clean(record.lastName)) (\(reach))"
      )
      let withdrawn =
        record.consentWithdrawnAt.map { ", retiré le \(formatter.string(from: $0))" } ?? ""
      try StandardOutput.line(
        "  consentement n° \(record.consentId) (texte v\(record.consentTextVersion)) donné le \(formatter.string(from: record.consentGivenAt)) pour \(record.recipientStructure)\(withdrawn)"
      )
      for booking in record.appointments {
        try StandardOutput.line(
          "  rendez-vous \(booking.reference) le \(formatter.string(from: booking.startsAt)) (\(booking.status))"
        )
      }
    }
  }
}

struct PersonExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract:
      "Exporte en JSON tout ce qui est conservé sur une personne (réponse à une demande d'accès).")

  @OptionGroup var key: PersonKey
  @OptionGroup var location: DatabaseOptions

  /// The header says, inside the file itself, that it holds personal data.
  struct Export: Encodable {
    var warning: String
    var exportedAt: Date
    var records: [PersonRecord]
  }

  func run() throws {
    let (phone, email) = try key.parsed("person export")
    let path = location.path
    ExposureNotice.report(path: path)
    let records = try CommandLineErrors.report {
      try AppDatabase.open(path: path, missing: .refuse).person(
        phone: phone, email: email, by: .commandLine, export: true)
    }
    try OperatorsJSON.print(
      Export(
        warning:
          "DONNÉES PERSONNELLES : export pour une demande d'accès (RGPD art. 15). À remettre à la personne seulement, puis à supprimer.",
        exportedAt: Date(), records: records))
  }
}

struct PersonEraseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "erase",
    abstract:
      "Efface les coordonnées d'une personne (retire ses consentements, annule ses rendez-vous à venir)."
  )

  @OptionGroup var key: PersonKey
  @OptionGroup var location: DatabaseOptions

  func run() throws {
    let (phone, email) = try key.parsed("person erase")
    let path = location.path
    ExposureNotice.report(path: path)
    let (erased, pending) = try CommandLineErrors.report {
      // A mistyped path must not « erase » from a new empty base and exit 0.
      let database = try AppDatabase.open(path: path, missing: .refuse)
      let erased = try database.erasePerson(phone: phone, email: email, by: .commandLine)
      return (erased, try database.isScrubPending())
    }
    try StandardOutput.line(
      erased.isEmpty
        ? "Aucune coordonnée enregistrée pour cette personne."
        : "Coordonnées effacées : \(erased.count) (n° \(erased.map(String.init).joined(separator: ", "))). Les preuves de consentement restent, sans les coordonnées."
    )
    if pending {
      CommandLineMessage.error(ScrubState.pendingNotice)
      throw ExitCode(ScrubState.pendingExitCode)
    }
  }
}
