/// The exports of the supervision figures: CSV (RFC 4180, or « ; » and a BOM for French spreadsheets), JSON,
/// a plain-text table and the Markdown report. All write `SupervisionFigures.lines()`, with the masked cells
/// (small ones and those secondary suppression withholds) written « < 5 », or null in JSON.
public enum SupervisionExport {
  public enum Format: String, CaseIterable, Sendable {
    case table, csv, json, markdown
  }

  /// The value as written in a file, or the mask.
  static func cell(_ line: IndicatorLine, french: Bool) -> String {
    if line.masked { return SmallCell.maskText }
    return french ? line.frenchValue : line.plainValue
  }

  /// One header line, then one line per figure; CRLF line ends and quoted fields as RFC 4180 asks.
  public static func csv(_ figures: SupervisionFigures, excel: Bool = false) -> String {
    let separator = excel ? ";" : ","
    let data = figures.includesSynthetic ? "réelles et démonstration" : "réelles"
    var rows = [
      [
        "periode_debut", "periode_fin", "indicateur", "ventilation", "element", "valeur", "unite",
        "donnees",
      ]
    ]
    for line in figures.lines() {
      let value = line.masked ? SmallCell.maskText : line.plainValue
      rows.append([
        figures.period.first.description, figures.period.last.description, line.indicator.label,
        line.group, line.item, excel ? value.replacingDot() : value, line.unit.label,
        figures.filter.synthetic == .only ? "démonstration" : data,
      ])
    }
    let text =
      rows.map { $0.map { quoted($0, separator: separator) }.joined(separator: separator) }
      .joined(separator: "\r\n") + "\r\n"
    return excel ? "\u{FEFF}" + text : text
  }

  static func quoted(_ field: String, separator: String) -> String {
    let needsQuotes =
      field.contains(separator) || field.contains("\"") || field.contains("\n")
      || field.contains("\r")
    guard needsQuotes else { return field }
    return "\"" + field.replacingAll("\"", with: "\"\"") + "\""
  }

  /// Aligned text for a terminal.
  public static func table(_ figures: SupervisionFigures) -> String {
    var out = header(figures).map { $0 + "\n" }.joined() + "\n"
    var previous: Indicator?
    for line in figures.lines() {
      if line.indicator != previous {
        out += "\n\(line.indicator.label)\n"
        previous = line.indicator
      }
      let label = pad("  \(line.group) · \(line.item)", 60)
      out += "\(label) \(cell(line, french: true))\n"
    }
    return out
  }

  /// The report in Markdown: each indicator with its figures, its definition and its data sources. For a
  /// period longer than a month, daily volumes are summed by month.
  public static func markdown(_ figures: SupervisionFigures, title: String) -> String {
    var out = "# \(title)\n\n"
    out += header(figures).map { "- \($0)\n" }.joined()
    out += "\n"
    let lines = figures.reportLines()
    for indicator in Indicator.allCases {
      let own = lines.filter { $0.indicator == indicator }
      out += "## \(indicator.label)\n\n"
      out += "**Définition.** \(indicator.definition)\n\n"
      out += "**Sources.** \(indicator.source)\n\n"
      guard !own.isEmpty else {
        out += "_Aucune donnée sur la période._\n\n"
        continue
      }
      out += "| Ventilation | Élément | Valeur |\n|---|---|---:|\n"
      for line in own {
        out += "| \(escaped(line.group)) | \(escaped(line.item)) | \(cell(line, french: true)) |\n"
      }
      out += "\n"
    }
    out += "## Secret statistique\n\n"
    out +=
      "Les cellules comptant de 1 à 4 personnes sont masquées (« \(SmallCell.maskText) »). \(secondaryRule)\n"
    return out
  }

  /// What every export states first: period, scope, which rows, and the masking rule.
  public static func header(_ figures: SupervisionFigures) -> [String] {
    var lines = [
      "Période : \(figures.period.label) (du \(figures.period.first.frenchNumeric) au \(figures.period.last.frenchNumeric))",
      "Périmètre : \(figures.filter.label(names: figures.names))",
    ]
    if figures.includesSynthetic {
      let synthetic = figures.lines().first { $0.item == "dont données de démonstration" }
      let count =
        (synthetic?.masked ?? true) ? SmallCell.maskText : String(figures.syntheticVisits)
      lines.append(
        "Attention : \(count) visites de démonstration (synthétiques) sont incluses dans ces chiffres."
      )
    } else {
      lines.append(
        "Données : \(figures.filter.synthetic == .only ? "démonstration seulement" : "réelles uniquement")."
      )
    }
    lines.append(
      "Secret statistique : les cellules comptant de 1 à 4 personnes sont masquées (« \(SmallCell.maskText) »), ainsi que celles qui permettraient de les retrouver par soustraction (secret secondaire)."
    )
    return lines
  }

  /// The secondary rule, as the report's notes and the dashboard's F1 state it.
  public static let secondaryRule =
    "Pour qu'aucune ne se déduise par soustraction, dans chaque somme publiée (total et ses lignes, site et ses postes, mois et ses jours, réponse et ses motifs, notes et visites notées) où une seule cellule serait masquée, la plus petite autre cellule non nulle l'est aussi (à défaut, le total), jusqu'à ce qu'aucune somme n'ait une seule cellule masquée ; les taux, moyennes, médianes et déciles sont masqués dès qu'un effectif dont ils dépendent l'est. Une cellule masquée s'écrit aussi « \(SmallCell.maskText) » quand elle compte 5 personnes ou plus."

  static func escaped(_ text: String) -> String { text.replacingAll("|", with: "\\|") }

  static func pad(_ text: String, _ width: Int) -> String {
    let used = DisplayWidth.of(text)
    return used >= width ? text : text + String(repeating: " ", count: width - used)
  }
}

extension String {
  func replacingAll(_ target: String, with replacement: String) -> String {
    split(separator: Character(target), omittingEmptySubsequences: false).joined(
      separator: replacement)
  }

  /// « 42.5 » → « 42,5 » for French spreadsheets.
  func replacingDot() -> String { replacingAll(".", with: ",") }
}

extension Array {
  func inserted(_ elements: [Element], at index: Int) -> [Element] {
    var copy = self
    copy.insert(contentsOf: elements, at: Swift.min(index, copy.count))
    return copy
  }
}
