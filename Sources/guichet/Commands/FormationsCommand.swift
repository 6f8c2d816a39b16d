import ArgumentParser
import Foundation
import GuichetCore
import GuichetStore

import struct GuichetUI.DocumentLine
import enum GuichetUI.OutcomeLines

/// `guichet formations --rome CODE|--rncp CODE [--commune INSEE]`: the sessions « Se former » lists.
struct FormationsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "formations",
    abstract: "Sessions de formation à venir pour un métier (ROME) ou une certification (RNCP).",
    discussion: """
      Lit l'offre importée avec « guichet import lheo FICHIER » (publiée par le Carif-Oref de la région).
      Les sessions passées sont écartées ; les plus proches de la commune d'abord (même commune, même
      bassin, même territoire, même département, puis les autres), les plus tôt d'abord. Chaque
      certification vient avec ses débouchés (InserJeunes, comme sur sa fiche).
        guichet formations --rome J1501 --commune 73065
        guichet formations --rncp RNCP4495 --format json
        --format  text (par défaut) ou json : un objet {"subject", "origin", "imported", "sessions"},
                  débouchés dans "outcomes" (un taux secret n'a pas de valeur)
      """)

  @Option(name: .long, help: ArgumentHelp("Code ROME du métier, ex. J1501.", valueName: "code"))
  var rome: String?

  @Option(name: .long, help: ArgumentHelp("Code RNCP, ex. RNCP4495.", valueName: "code"))
  var rncp: String?

  @Option(
    name: .long, help: ArgumentHelp("Code INSEE de la commune du visiteur.", valueName: "insee"))
  var commune: String?

  @Option(
    name: .long, help: ArgumentHelp("Format de sortie : text ou json.", valueName: "format"),
    completion: .list(["text", "json"]))
  var format: String = "text"

  @OptionGroup var location: DatabaseOptions

  enum Format: String { case text, json }

  struct Request: Equatable {
    var subject: TrainingSubject
    var origin: TrainingOrigin
    var format: Format
  }

  static func request(rome: String?, rncp: String?, commune: String?, format: String) throws
    -> Request
  {
    let subject: TrainingSubject
    switch (rome.map(Self.trimmed), rncp.map(Self.trimmed)) {
    case (let code?, nil):
      let upper = code.uppercased()
      guard upper.count == 5, upper.first?.isLetter == true,
        upper.dropFirst().allSatisfy(\.isNumber)
      else {
        throw UserError(
          "code ROME invalide « \(SafeText.clean(String(code.prefix(20)))) » : une lettre et quatre chiffres, ex. J1501."
        )
      }
      subject = .rome(upper)
    case (nil, let code?):
      let upper = code.uppercased()
      let digits = upper.hasPrefix("RNCP") ? String(upper.dropFirst(4)) : upper
      guard (1...6).contains(digits.count), digits.allSatisfy(\.isNumber) else {
        throw UserError(
          "code RNCP invalide « \(SafeText.clean(String(code.prefix(20)))) » : RNCP suivi de chiffres, ex. RNCP4495."
        )
      }
      subject = .rncp("RNCP" + digits)
    case (nil, nil):
      throw UserError(
        "indiquez un métier (--rome J1501) ou une certification (--rncp RNCP4495).")
    case (_?, _?):
      throw UserError("indiquez --rome ou --rncp, pas les deux.")
    }
    var origin = TrainingOrigin.anywhere
    if let commune = commune.map(Self.trimmed) {
      let upper = commune.uppercased()
      guard upper.count == 5, upper.allSatisfy({ $0.isNumber || $0 == "A" || $0 == "B" }) else {
        throw UserError(
          "code INSEE de commune invalide « \(SafeText.clean(String(commune.prefix(20)))) » : cinq caractères, ex. 73065 (Chambéry)."
        )
      }
      origin = .commune(upper)
    }
    guard let chosen = Format(rawValue: format.lowercased()) else {
      throw UserError(
        "format inconnu « \(SafeText.clean(String(format.prefix(40)))) » : text ou json.")
    }
    return Request(subject: subject, origin: origin, format: chosen)
  }

  static func trimmed(_ text: String) -> String { text.trimmingCharacters(in: .whitespaces) }

  func run() throws {
    let request = try CommandLineErrors.usage("formations") {
      try Self.request(rome: rome, rncp: rncp, commune: commune, format: format)
    }
    let path = location.path
    let offers = try CommandLineErrors.report {
      let clock = try ConsoleClock.fromEnvironment()
      let database = try AppDatabase.open(path: path, missing: .refuse)
      return try database.trainingSessions(
        for: request.subject, near: request.origin, today: Day.number(of: clock.now()))
    }
    switch request.format {
    case .json: try StandardOutput.line(try Self.json(offers, origin: request.origin))
    case .text: try StandardOutput.line(Self.text(offers, origin: request.origin))
    }
  }

  static func text(_ offers: TrainingOffers, origin: TrainingOrigin) -> String {
    // « pour le métier J1501 », « pour la certification RNCP4495 ».
    var subject = offers.subject.determiners.definite + " \(offers.subject)"
    if let title = offers.subjectTitle { subject += " · \(title)" }
    var near = ""
    if case .commune(let insee) = origin {
      near = " — près de " + (offers.originName.map { "\($0) (\(insee))" } ?? insee)
    }
    guard let imported = offers.imported else {
      return "Sessions de formation pour \(subject)\n\(TrainingOffers.nothingImported)"
    }
    var lines = ["Sessions de formation pour \(subject)\(near) : \(offers.sessions.count)"]
    if offers.sessions.isEmpty {
      lines.append("Aucune session à venir dans l'offre importée.")
    }
    for (index, session) in offers.sessions.enumerated() {
      lines.append("\(index + 1). \(session.formationTitle) — \(session.datesLabel)")
      lines.append("   \(session.placeLabel)" + (session.proximity.map { " · \($0.label)" } ?? ""))
      lines.append("   \(session.organisation) (SIRET \(session.siret))")
      for certification in session.certifications {
        lines.append(
          "   Certification : \(certification.code)"
            + (certification.title.map { " · \($0)" } ?? " (absente des données RNCP)"))
        // The débouchés as the fiche and « Se former » word them.
        lines += OutcomeLines.session(certification.outcomes).map { "     " + $0.plainText }
      }
      lines += OutcomeLines.establishment(uai: session.uai, session.establishmentOutcomes).map {
        "   " + $0.plainText
      }
      var codes: [String] = []
      if !session.romeCodes.isEmpty {
        codes.append("ROME " + session.romeCodes.joined(separator: ", "))
      }
      if !session.fundingCodes.isEmpty {
        codes.append("financeurs " + session.fundingCodes.joined(separator: ", "))
      }
      if !session.publicCodes.isEmpty {
        codes.append("publics " + session.publicCodes.joined(separator: ", "))
      }
      if !codes.isEmpty { lines.append("   Codes LHÉO : " + codes.joined(separator: " · ")) }
    }
    lines.append(
      "Source : \(TrainingOffers.source) · \(imported.fileName), importé le \(Day.french(iso: imported.day))"
    )
    return lines.joined(separator: "\n")
  }

  struct JSONOffers: Encodable {
    struct Subject: Encodable {
      var kind: String
      var code: String
      var title: String?
    }
    struct Origin: Encodable {
      var commune: String?
      var name: String?
    }
    struct Imported: Encodable {
      var file: String
      var day: String
      var sessions: Int
    }
    struct Certification: Encodable {
      var code: String
      var title: String?
      var outcomes: [Outcome]
    }
    /// A published rate: `{"status": "publie", "percent": 65}`; a secret one has no percent at all
    /// (`"secret"`, never 0), nor has a delay not reached yet (`"non_mesure"`).
    struct Rate: Encodable {
      var status: String
      var percent: Int?

      init(_ rate: OutcomeRate) {
        switch rate {
        case .percent(let value): (status, percent) = ("publie", value)
        case .secret: status = "secret"
        case .notYetMeasured: status = "non_mesure"
        }
      }
    }
    /// One InserJeunes row of the session's establishment (all its diplomas pooled).
    struct EstablishmentFigures: Encodable {
      var uai: String
      var name: String
      var kind: String
      var population: String
      var millesime: String
      var continuingStudies: Rate
      var employed6Months: Rate
      var otherSituations: Rate
      var employmentRate: Rate
      var expectedRate: Rate
      /// Points; absent when secret.
      var valueAdded: Int?

      init(_ outcome: EstablishmentOutcome) {
        uai = outcome.uai
        name = outcome.name
        kind = outcome.kind.rawValue
        population = outcome.population.rawValue
        millesime = outcome.millesimeLabel
        continuingStudies = Rate(outcome.continuingStudies)
        employed6Months = Rate(outcome.employedAt6Months)
        otherSituations = Rate(outcome.otherSituations)
        employmentRate = Rate(outcome.employmentRate)
        expectedRate = Rate(outcome.expectedRate)
        valueAdded = outcome.valueAdded
      }
    }
    /// One InserJeunes row of the certification's fiche (latest millésime of its voie).
    struct Outcome: Encodable {
      var voie: String
      var millesime: String
      var diploma: String
      var mef: String?
      var cohort: Int?
      var leavers: Int?
      var employed6Months: Rate
      var employed12Months: Rate
      var employed24Months: Rate
      var continuingStudies: Rate

      init(_ outcome: DiplomaOutcome) {
        voie = outcome.voie.rawValue
        millesime = outcome.millesimeLabel
        diploma = outcome.diplomaCode
        mef = outcome.mefCode
        cohort = outcome.cohort
        leavers = outcome.leavers
        employed6Months = Rate(outcome.employedAt6Months)
        employed12Months = Rate(outcome.employedAt12Months)
        employed24Months = Rate(outcome.employedAt24Months)
        continuingStudies = Rate(outcome.continuingStudies)
      }
    }
    struct Session: Encodable {
      var formation: String
      var organisation: String
      var siret: String
      var place: String?
      var town: String
      var postcode: String?
      var insee: String?
      var start: String?
      var end: String?
      var permanentEntry: Bool
      var proximity: String?
      var certifications: [Certification]
      var rome: [String]
      var funding: [String]
      var publics: [String]
      var uai: String?
      var establishmentOutcomes: [EstablishmentFigures]
    }
    var subject: Subject
    var origin: Origin
    var imported: Imported?
    var message: String?
    var sessions: [Session]
    var source: String
    /// Attribution of the certifications' débouchés and of the establishments' figures.
    var outcomesSource: String
    var establishmentsSource: String
  }

  static func isoDay(_ day: Int?) -> String? {
    day.map { String(format: "%04d-%02d-%02d", $0 / 10_000, $0 / 100 % 100, $0 % 100) }
  }

  static func json(_ offers: TrainingOffers, origin: TrainingOrigin) throws -> String {
    var commune: String?
    if case .commune(let insee) = origin { commune = insee }
    let kind: String
    switch offers.subject {
    case .rome: kind = "rome"
    case .rncp: kind = "rncp"
    }
    let value = JSONOffers(
      subject: .init(kind: kind, code: offers.subject.code, title: offers.subjectTitle),
      origin: .init(commune: commune, name: offers.originName),
      imported: offers.imported.map {
        .init(file: $0.fileName, day: $0.day, sessions: $0.sessionCount)
      },
      message: offers.imported == nil ? TrainingOffers.nothingImported : nil,
      sessions: offers.sessions.map {
        .init(
          formation: $0.formationTitle, organisation: $0.organisation, siret: $0.siret,
          place: $0.placeName, town: $0.town, postcode: $0.postcode, insee: $0.inseeCode,
          start: isoDay($0.startDay), end: isoDay($0.endDay), permanentEntry: $0.permanentEntry,
          proximity: $0.proximity?.key,
          certifications: $0.certifications.map {
            .init(
              code: $0.code, title: $0.title, outcomes: $0.outcomes.map(JSONOffers.Outcome.init))
          },
          rome: $0.romeCodes, funding: $0.fundingCodes, publics: $0.publicCodes, uai: $0.uai,
          establishmentOutcomes: $0.establishmentOutcomes.map(JSONOffers.EstablishmentFigures.init))
      },
      source: TrainingOffers.source, outcomesSource: DiplomaOutcome.source,
      establishmentsSource: EstablishmentOutcome.source)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }
}
