import ArgumentParser
import Foundation
import GuichetCore
import GuichetStore

/// `guichet report`: the supervision figures of a day, week, month or year (or any range) as a table, CSV,
/// JSON or Markdown; `annual` is the yearly bilan. Small cells are masked in every format, with the
/// secondary cells that would give them back (`Suppression`).
struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Indicateurs d'une période : tableau, CSV, JSON ou Markdown (annual : bilan annuel).",
    discussion: """
      Période : daily (jour), weekly (semaine du lundi au dimanche), monthly (mois) ou annual (année civile)
      contenant --date (par défaut aujourd'hui), ou --from/--to pour une période quelconque.
      Dates au format AAAA-MM-JJ ou JJ/MM/AAAA. Les cellules comptant de 1 à 4 personnes sont masquées,
      ainsi que celles qui permettraient de les retrouver par soustraction (secret secondaire).
      Exemples : guichet report monthly --date 2025-03-01 --format csv --excel
                 guichet report annual --territory 3 > bilan.md
      """)

  enum Kind: String, ExpressibleByArgument, CaseIterable {
    case daily, weekly, monthly, annual

    var periodKind: SupervisionPeriod.Kind {
      switch self {
      case .daily: .day
      case .weekly: .week
      case .monthly: .month
      case .annual: .year
      }
    }
  }

  @Argument(help: ArgumentHelp("daily, weekly, monthly ou annual.", valueName: "période"))
  var kind: Kind

  @Option(name: .long, help: ArgumentHelp("Un jour de la période.", valueName: "date"))
  var date: String?

  @Option(name: .long, help: ArgumentHelp("Premier jour (avec --to).", valueName: "date"))
  var from: String?

  @Option(name: .long, help: ArgumentHelp("Dernier jour (avec --from).", valueName: "date"))
  var to: String?

  @Option(name: .long, help: ArgumentHelp("Seulement ce site (numéro ou nom).", valueName: "site"))
  var site: String?

  @Option(
    name: .long,
    help: ArgumentHelp("Seulement ce territoire (numéro ou nom).", valueName: "territoire"))
  var territory: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "table, csv, json ou markdown (par défaut : markdown pour annual, table sinon).",
      valueName: "format"),
    completion: .list(["table", "csv", "json", "markdown"]))
  var format: String?

  @Flag(
    name: .long, help: "CSV pour Excel en français : séparateur « ; », virgule décimale, BOM UTF-8."
  )
  var excel = false

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Données de démonstration : include (signalées), exclude ou only.",
      valueName: "choix"),
    completion: .list(["include", "exclude", "only"]))
  var synthetic: String = "include"

  @OptionGroup var location: DatabaseOptions

  func run() throws {
    let today = LocalDate(try CommandLineErrors.report { try ConsoleClock.fromEnvironment().now() })
    let period = try CommandLineErrors.usage("report") { try self.period(today: today) }
    let chosenFormat = try CommandLineErrors.usage("report") { try exportFormat() }
    let rows = try CommandLineErrors.usage("report") { try syntheticRows() }
    let path = location.path
    let figures = try CommandLineErrors.report { () throws -> SupervisionFigures in
      let database = try AppDatabase.open(path: path, missing: .refuse)
      let filter = try CommandLineErrors.usage("report") {
        try self.filter(database, synthetic: rows)
      }
      return try database.supervisionFigures(period: period, filter: filter, by: .commandLine)
    }
    switch chosenFormat {
    case .csv:
      try StandardOutput.write(SupervisionExport.csv(figures, excel: excel))
    case .json: try ReportJSON.print(figures)
    case .markdown:
      try StandardOutput.write(SupervisionExport.markdown(figures, title: title(period)))
    case .table: try StandardOutput.write(SupervisionExport.table(figures))
    }
  }

  func title(_ period: SupervisionPeriod) -> String {
    kind == .annual && from == nil
      ? "Bilan annuel \(period.first.year) — accueil, information, orientation"
      : "Rapport d'activité — \(period.label)"
  }

  func period(today: LocalDate) throws(UserError) -> SupervisionPeriod {
    if date != nil && (from != nil || to != nil) {
      throw UserError("--date ne se combine pas avec --from et --to : choisissez l'un ou l'autre.")
    }
    if let from, let to {
      let first = try Self.parse(from, option: "--from")
      let last = try Self.parse(to, option: "--to")
      guard first <= last else {
        throw UserError("--from (\(first.frenchNumeric)) est après --to (\(last.frenchNumeric)).")
      }
      guard first.days(until: last) < 366 * 20 else {
        throw UserError("La période ne peut pas dépasser vingt ans.")
      }
      return SupervisionPeriod(from: first, to: last)
    }
    if from != nil || to != nil {
      throw UserError("--from et --to vont ensemble : indiquez les deux dates.")
    }
    var day = today
    if let date { day = try Self.parse(date, option: "--date") }
    return SupervisionPeriod(kind.periodKind, containing: day)
  }

  /// « 2025-03-01 » or « 01/03/2025 ».
  static func parse(_ text: String, option: String) throws(UserError) -> LocalDate {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    let iso = trimmed.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
    let french = trimmed.split(separator: "/", omittingEmptySubsequences: false).map { Int($0) }
    if iso.count == 3, let y = iso[0], let m = iso[1], let d = iso[2], y > 999,
      let date = LocalDate(year: y, month: m, day: d)
    {
      return date
    }
    if french.count == 3, let d = french[0], let m = french[1], let y = french[2], y > 999,
      let date = LocalDate(year: y, month: m, day: d)
    {
      return date
    }
    throw UserError(
      "date invalide pour \(option) : « \(TypedIn.shown(text)) » (attendu AAAA-MM-JJ ou JJ/MM/AAAA, par exemple 2025-03-01)."
    )
  }

  func exportFormat() throws(UserError) -> SupervisionExport.Format {
    let text = format ?? (kind == .annual ? "markdown" : "table")
    guard let chosen = SupervisionExport.Format(rawValue: text.lowercased()) else {
      throw UserError(
        "format inconnu « \(TypedIn.shown(text)) » : table, csv, json ou markdown.")
    }
    if excel && chosen != .csv {
      throw UserError("--excel ne s'applique qu'au format csv (--format csv --excel).")
    }
    return chosen
  }

  func syntheticRows() throws(UserError) -> SyntheticRows {
    guard let rows = SyntheticRows(rawValue: synthetic.lowercased()) else {
      throw UserError(
        "choix inconnu pour --synthetic « \(TypedIn.shown(synthetic)) » : include, exclude ou only."
      )
    }
    return rows
  }

  func filter(_ database: AppDatabase, synthetic: SyntheticRows) throws -> SupervisionFilter {
    var values: [SupervisionDimension: String] = [:]
    if let territory {
      values[.territory] = String(
        try OperatorsInput.territory(territory, in: database).id)
    }
    if let site {
      let names = try database.supervisionNames(by: .commandLine).sites
      let key = SearchText.normalize(site)
      guard
        let id = names.first(where: { $0.key == site || SearchText.normalize($0.value) == key })?
          .key
      else {
        let known = names.values.sortedInFrench { $0 }.prefix(8).joined(separator: ", ")
        throw UserError(
          "site inconnu « \(TypedIn.shown(site)) »"
            + (known.isEmpty ? " : aucun site n'est déclaré." : " ; sites : \(known)."))
      }
      values[.site] = id
    }
    return SupervisionFilter(values, synthetic: synthetic)
  }
}

/// The figures as one JSON document (`SupervisionJSON`), on one line, written and checked.
enum ReportJSON {
  static func print(_ figures: SupervisionFigures) throws {
    try StandardOutput.line(try SupervisionJSON.text(figures))
  }
}
