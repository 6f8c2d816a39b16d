import ArgumentParser
import Foundation
import GuichetCore
import GuichetStore

/// `guichet search QUERY`: the console's search as you type, from the command line.
struct SearchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "search",
    abstract: "Cherche dans les métiers, les certifications et les structures (comme la console).",
    discussion: """
      Sans accents ni mots entiers : « educ spe » trouve Éducateur spécialisé / Éducatrice spécialisée.
      Tout texte est accepté ; pour un texte qui commence par « - », écrivez : guichet search -- -texte
        --kind    occupation (métiers), certification, structure ou all (par défaut)
        --limit   résultats par type, de 1 à \(SearchCommand.maxLimit) (par défaut \(SearchCommand.defaultLimit))
        --format  text (par défaut) ou json : un seul tableau JSON d'objets
                  {"kind", "code", "title", "subtitle" (si connu), "rank" (1 = premier de son type)}
      """)

  static let defaultLimit = 10
  static let maxLimit = 200

  @Argument(
    parsing: .allUnrecognized,
    help: ArgumentHelp("Texte cherché (plusieurs mots possibles).", valueName: "recherche"))
  var words: [String] = []

  @Option(
    name: .long, help: ArgumentHelp("Type de résultats.", valueName: "type"),
    completion: .list(["occupation", "certification", "structure", "all"]))
  var kind: String = "all"

  @Option(name: .long, help: ArgumentHelp("Nombre de résultats par type.", valueName: "n"))
  var limit: String = "\(SearchCommand.defaultLimit)"

  @Option(
    name: .long, help: ArgumentHelp("Format de sortie : text ou json.", valueName: "format"),
    completion: .list(["text", "json"]))
  var format: String = "text"

  @OptionGroup var location: DatabaseOptions

  enum Format: String { case text, json }

  struct Request: Equatable {
    var query: String
    var kind: SearchKind?
    var limit: Int
    var format: Format
  }

  static func request(words: [String], kind: String, limit: String, format: String) throws
    -> Request
  {
    // A lone « -- » only separates the options from a text that starts with « - ».
    let parts = words.first == "--" ? Array(words.dropFirst()) : words
    guard !parts.isEmpty else {
      throw UserError("indiquez le texte à chercher, par exemple : guichet search \"educ spe\"")
    }
    let chosenKind: SearchKind?
    switch kind.lowercased() {
    case "all", "tout": chosenKind = nil
    case let name:
      guard let known = SearchKind(rawValue: name) else {
        throw UserError(
          "type inconnu « \(SafeText.clean(String(kind.prefix(40)))) » : "
            + "occupation, certification, structure ou all.")
      }
      chosenKind = known
    }
    guard let count = Int(limit.trimmingCharacters(in: .whitespaces)),
      (1...maxLimit).contains(count)
    else {
      throw UserError(
        "--limit attend un nombre de 1 à \(maxLimit) (reçu « \(SafeText.clean(String(limit.prefix(40)))) »)."
      )
    }
    guard let chosenFormat = Format(rawValue: format.lowercased()) else {
      throw UserError(
        "format inconnu « \(SafeText.clean(String(format.prefix(40)))) » : text ou json.")
    }
    return Request(
      query: parts.joined(separator: " "), kind: chosenKind, limit: count, format: chosenFormat)
  }

  func run() throws {
    let request = try CommandLineErrors.usage("search") {
      try Self.request(words: words, kind: kind, limit: limit, format: format)
    }
    let path = location.path
    let (hits, sources) = try CommandLineErrors.report {
      let database = try AppDatabase.open(path: path, missing: .refuse)
      let hits = try database.searchReference(
        request.query, kind: request.kind, limit: request.limit)
      return (hits, try database.referenceDatasets())
    }
    switch request.format {
    case .json: try StandardOutput.line(try Self.json(hits))
    case .text:
      try StandardOutput.line(
        Self.text(hits, query: request.query, kinds: request.kind, sources: sources))
    }
  }

  /// One JSON array, keys sorted, on one line.
  static func json(_ hits: [SearchHit]) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(hits), as: UTF8.self)
  }

  static func heading(_ kind: SearchKind) -> String {
    switch kind {
    case .occupation: "Métiers"
    case .certification: "Certifications"
    case .structure: "Structures"
    }
  }

  static func dataset(_ kind: SearchKind) -> ReferenceDataset {
    switch kind {
    case .occupation: .rome
    case .certification: .rncp
    case .structure: .structures
    }
  }

  /// Results grouped by kind, in French, then the source and age of the data shown.
  static func text(
    _ hits: [SearchHit], query: String, kinds: SearchKind?, sources: [DatasetRecord]
  ) -> String {
    let shown = String(SafeText.clean(query).prefix(80))
    guard !hits.isEmpty else {
      return "Aucun résultat pour « \(shown) »."
    }
    var lines: [String] = []
    let present = SearchKind.allCases.filter { kind in hits.contains { $0.kind == kind } }
    for kind in present {
      let group = hits.filter { $0.kind == kind }
      if !lines.isEmpty { lines.append("") }
      lines.append("\(heading(kind)) (\(group.count))")
      let width = group.map { DisplayWidth.of($0.code) }.max() ?? 0
      for hit in group {
        let pad = String(repeating: " ", count: max(0, width - DisplayWidth.of(hit.code)))
        var line = "  \(hit.code)\(pad)  \(hit.title)"
        if let subtitle = hit.subtitle, !subtitle.isEmpty { line += " — \(subtitle)" }
        lines.append(line)
      }
    }
    let missing = (kinds.map { [$0] } ?? SearchKind.allCases).filter { !present.contains($0) }
    if !missing.isEmpty {
      lines.append("")
      lines.append(
        "Aucun résultat parmi : \(missing.map { heading($0).lowercased() }.joined(separator: ", "))."
      )
    }
    lines.append("")
    lines.append(sourceLine(present.map(dataset), sources: sources))
    return lines.joined(separator: "\n")
  }

  /// « Source : France Travail – ROME 4.0 (v4.60), données intégrées ; France compétences – RNCP (export 2021),
  /// importé le 02/03/2026, fichiers du 15/01/2026 ».
  static func sourceLine(_ datasets: [ReferenceDataset], sources: [DatasetRecord]) -> String {
    let parts = datasets.map { dataset -> String in
      guard let record = sources.first(where: { $0.name == dataset.rawValue }) else {
        return dataset.source
      }
      // The bundled files' dates are those of the installation, not of the publication: say only that they are bundled.
      guard !record.bundled else { return "\(record.source), données intégrées" }
      let imported = "importé le \(Day.french(iso: String(record.importedAt.prefix(10))))"
      return "\(record.source), \(imported)"
        + (record.fileDate.map { ", fichiers du \(Day.french(iso: $0))" } ?? "")
    }
    return "Source : " + parts.joined(separator: " ; ")
  }
}
