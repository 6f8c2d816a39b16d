import ArgumentParser
import Foundation
import GuichetCore
import GuichetStore

/// `guichet operators add-rule`: a recurring opening; slots are computed from it, never stored.
struct OperatorsAddRuleCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add-rule",
    abstract: "Ajoute une plage d'ouverture récurrente à un conseiller.",
    discussion: """
      Exemple :
        guichet operators add-rule --advisor 7 --days lun,mar,jeu \\
          --from 09:00 --to 12:00 --length 45
      Les jours fériés et les absences sont retirés automatiquement.
      """)

  @Option(name: .long, help: ArgumentHelp("Numéro du conseiller.", valueName: "n°"))
  var advisor: String

  @Option(
    name: .long,
    help: ArgumentHelp("Jours : lun,mar,mer,jeu,ven,sam,dim ou lun-ven.", valueName: "jours"))
  var days: String

  @Option(name: .long, help: ArgumentHelp("Heure de début (09:00).", valueName: "hh:mm"))
  var from: String

  @Option(name: .long, help: ArgumentHelp("Heure de fin (12:00).", valueName: "hh:mm"))
  var to: String

  @Option(
    name: .long, help: ArgumentHelp("Durée d'un rendez-vous en minutes.", valueName: "minutes"))
  var length: String

  @Option(
    name: .long,
    help: ArgumentHelp("Lieu : site, telephone ou visio.", valueName: "lieu"),
    completion: .list(["site", "telephone", "visio"]))
  var place: String = "site"

  @Option(
    name: .long,
    help: ArgumentHelp("Places par créneau pour une séance collective (2 à 100).", valueName: "n"))
  var capacity: String?

  @Option(
    name: .customLong("valid-from"),
    help: ArgumentHelp("Premier jour de la plage (par défaut aujourd'hui).", valueName: "date"))
  var validFrom: String?

  @Option(
    name: .customLong("valid-to"),
    help: ArgumentHelp("Dernier jour de la plage (sans fin sinon).", valueName: "date"))
  var validTo: String?

  @OptionGroup var output: OutputFormatOption
  @OptionGroup var location: DatabaseOptions

  func run() throws {
    let rule = try CommandLineErrors.usage("operators add-rule") { () throws -> OpeningRule in
      _ = try output.isJSON
      let rule = OpeningRule(
        advisorID: try OperatorsInput.identifier(advisor, "--advisor"),
        weekdays: try FrenchInput.weekdays(days, .option("--days")),
        start: try FrenchInput.time(from, .option("--from")),
        end: try FrenchInput.time(to, .option("--to")),
        slotMinutes: try OperatorsInput.number(
          length, "--length", in: OpeningRule.slotMinutesRange),
        place: try OperatorsInput.place(place),
        groupCapacity: try capacity.map {
          try OperatorsInput.number(
            $0, "--capacity", in: 1...OpeningRule.groupCapacityRange.upperBound)
        }.flatMap { $0 == 1 ? nil : $0 },
        validFrom: try validFrom.map { try FrenchInput.date($0, .option("--valid-from")) }
          ?? LocalDate(Date()),
        validTo: try validTo.map { try FrenchInput.date($0, .option("--valid-to")) })
      try rule.validate()
      return rule
    }
    let path = location.path
    let saved = try CommandLineErrors.report {
      let database = try AppDatabase.open(path: path)
      guard try database.advisor(id: rule.advisorID)?.isActive == true else {
        throw UserError(
          "aucun conseiller actif n° \(rule.advisorID) (voir : guichet operators list).")
      }
      return try database.saveOpeningRule(rule, by: .commandLine)
    }
    if try output.isJSON {
      try OperatorsJSON.print(["id": saved.id ?? 0])
      return
    }
    let weekdays = saved.weekdays.sorted().map(\.label).joined(separator: ", ")
    try StandardOutput.line(
      "Plage \(saved.id ?? 0) ajoutée : \(weekdays), \(saved.start)–\(saved.end), "
        + "rendez-vous de \(saved.slotMinutes) min, \(saved.place.label.lowercased())"
        + (saved.groupCapacity.map { ", \($0) places" } ?? "") + ".")
  }
}

/// `guichet operators add-absence`: leave or a meeting; slots overlapping it are no longer offered.
struct OperatorsAddAbsenceCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add-absence",
    abstract: "Déclare une absence d'un conseiller (congés, formation…).",
    discussion: """
      Dates seules : journées entières, du premier au dernier jour inclus.
      Avec heures : guichet operators add-absence --advisor 7 --from "01/12/2026 14:00" --to "01/12/2026 17:00"
      Les rendez-vous déjà pris ne sont pas annulés : la commande les signale.
      """)

  @Option(name: .long, help: ArgumentHelp("Numéro du conseiller.", valueName: "n°"))
  var advisor: String

  @Option(
    name: .long, help: ArgumentHelp("Début : date, éventuellement avec l'heure.", valueName: "date")
  )
  var from: String

  @Option(
    name: .long, help: ArgumentHelp("Fin : date (incluse), ou date et heure.", valueName: "date"))
  var to: String

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Motif : conges (par défaut), formation, reunion, permanence ou autre.", valueName: "motif"))
  var reason: String = "conges"

  @OptionGroup var output: OutputFormatOption
  @OptionGroup var location: DatabaseOptions

  func run() throws {
    let absence = try CommandLineErrors.usage("operators add-absence") { () throws -> Absence in
      _ = try output.isJSON
      let advisorID = try OperatorsInput.identifier(advisor, "--advisor")
      let absence = Absence(
        advisorID: advisorID, from: try FrenchInput.moment(from, .option("--from")),
        to: try FrenchInput.moment(to, .option("--to")), reason: try OperatorsInput.reason(reason))
      try absence.validate()
      return absence
    }
    let path = location.path
    let (saved, clashes) = try CommandLineErrors.report { () throws -> (Absence, Int) in
      let database = try AppDatabase.open(path: path)
      guard try database.advisor(id: absence.advisorID) != nil else {
        throw UserError("aucun conseiller n° \(absence.advisorID) (voir : guichet operators list).")
      }
      let saved = try database.saveAbsence(absence, by: .commandLine)
      var clashes = 0
      var day = LocalDate(absence.startsAt)
      while day <= LocalDate(absence.endsAt) && clashes < 1000 {
        clashes += try database.agenda(advisorID: absence.advisorID, day: day, by: .commandLine)
          .filter {
            absence.overlaps($0.appointment.startsAt, $0.appointment.endsAt)
          }.count
        day = day.adding(days: 1)
      }
      return (saved, clashes)
    }
    if try output.isJSON {
      try OperatorsJSON.print(["id": Int(saved.id ?? 0), "appointmentsDuring": clashes])
      return
    }
    let first = LocalClock.wallTime(of: saved.startsAt)
    let last = LocalClock.wallTime(of: saved.endsAt)
    if first.time.minutes == 0 && last.time.minutes == 0 {
      try StandardOutput.line(
        "Absence \(saved.id ?? 0) enregistrée (\(saved.reason.label)) : du \(first.date.frenchNumeric) "
          + "au \(last.date.adding(days: -1).frenchNumeric) inclus.")
    } else {
      try StandardOutput.line(
        "Absence \(saved.id ?? 0) enregistrée (\(saved.reason.label)) : du \(first.date.frenchNumeric) \(first.time) "
          + "au \(last.date.frenchNumeric) \(last.time).")
    }
    if clashes > 0 {
      try StandardOutput.line(
        "Attention : \(clashes) rendez-vous déjà pris pendant cette absence ; déplacez-les ou annulez-les."
      )
    }
  }
}

/// `guichet operators slots`: the free slots as the desks will see them (rules − holidays − absences − bookings).
struct OperatorsSlotsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "slots",
    abstract: "Affiche les créneaux libres d'un conseiller (calculés, jamais stockés).")

  static let maxDays = 366

  @Option(name: .long, help: ArgumentHelp("Numéro du conseiller.", valueName: "n°"))
  var advisor: String

  @Option(
    name: .long,
    help: ArgumentHelp("Nombre de jours à partir d'aujourd'hui (par défaut 14).", valueName: "n"))
  var days: String = "14"

  @OptionGroup var output: OutputFormatOption
  @OptionGroup var location: DatabaseOptions

  struct Listed: Encodable {
    var startsAt: Date
    var endsAt: Date
    var day: String
    var time: String
    var place: String
    var seatsLeft: Int
  }

  func run() throws {
    let (advisorID, count) = try CommandLineErrors.usage("operators slots") {
      _ = try output.isJSON
      return (
        try OperatorsInput.identifier(advisor, "--advisor"),
        try OperatorsInput.number(days, "--days", in: 1...Self.maxDays)
      )
    }
    let path = location.path
    let now = Date()
    let (name, slots) = try CommandLineErrors.report { () throws -> (String, [Slot]) in
      let database = try AppDatabase.open(path: path)
      guard let found = try database.advisor(id: advisorID) else {
        throw UserError("aucun conseiller n° \(advisorID) (voir : guichet operators list).")
      }
      let end = LocalClock.startOfDay(LocalDate(now).adding(days: count))
      return (
        found.displayName,
        try database.freeSlots(advisorID: advisorID, from: now, to: end, now: now)
      )
    }
    if try output.isJSON {
      try OperatorsJSON.print(
        slots.map { slot in
          let wall = LocalClock.wallTime(of: slot.startsAt)
          return Listed(
            startsAt: slot.startsAt, endsAt: slot.endsAt, day: wall.date.description,
            time: wall.time.description, place: slot.place.rawValue, seatsLeft: slot.seatsLeft)
        })
      return
    }
    guard !slots.isEmpty else {
      try StandardOutput.line(
        "Aucun créneau libre pour \(name) sur \(count) jour\(count > 1 ? "s" : "").")
      return
    }
    try StandardOutput.line("Créneaux libres de \(name) (\(slots.count)) :")
    var shownDay: LocalDate?
    for slot in slots {
      let start = LocalClock.wallTime(of: slot.startsAt)
      let end = LocalClock.wallTime(of: slot.endsAt)
      if start.date != shownDay {
        try StandardOutput.line("\(start.date.weekday.label) \(start.date.frenchNumeric)")
        shownDay = start.date
      }
      var line = "  \(start.time)–\(end.time)  \(slot.place.label)"
      if slot.isGroup { line += " (\(slot.seatsLeft)/\(slot.capacity) places)" }
      try StandardOutput.line(line)
    }
  }
}
