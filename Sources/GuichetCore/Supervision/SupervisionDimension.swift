/// What a supervisor can break visits down by, or filter them on. A value of a dimension is a code: a
/// vocabulary code, a site, desk or territory id, or an hour of arrival (0–23, local time).
public enum SupervisionDimension: String, CaseIterable, Codable, Sendable {
  case site, desk, territory, channel
  case publicCategory = "public_category"
  case ageBand = "age_band"
  case requestKind = "request_kind"
  case outcome, hour

  public var label: String {
    switch self {
    case .site: "Site"
    case .desk: "Poste"
    case .territory: "Territoire"
    case .channel: "Canal"
    case .publicCategory: "Public"
    case .ageBand: "Tranche d'âge"
    case .requestKind: "Demande"
    case .outcome: "Réponse apportée"
    case .hour: "Heure d'arrivée"
    }
  }

  /// Code of visits that did not say (territory not given): kept apart from every real id.
  public static let notSaidCode = "0"

  /// The French label of a code of this dimension; `names` gives site, desk and territory names.
  public func label(of code: String, names: SupervisionNames) -> String {
    switch self {
    case .site: names.sites[code] ?? "Site \(code)"
    case .desk: names.desks[code] ?? "Poste \(code)"
    case .territory:
      code == Self.notSaidCode ? "Non précisé" : names.territories[code] ?? "Territoire \(code)"
    case .channel: Channel(rawValue: code)?.label ?? code
    case .publicCategory: PublicCategory(rawValue: code)?.label ?? code
    case .ageBand: AgeBand(rawValue: code)?.label ?? code
    case .requestKind: RequestKind(rawValue: code)?.label ?? code
    case .outcome: Outcome(rawValue: code)?.label ?? code
    case .hour: "\(code) h"
    }
  }

  /// Display order of codes: vocabulary order, hours in order, names alphabetically.
  public func sortKey(of code: String, names: SupervisionNames) -> String {
    func padded(_ number: Int) -> String {
      let text = String(number)
      return String(repeating: "0", count: max(0, 3 - text.count)) + text
    }
    func position<T: CodedValue>(_ type: T.Type) -> String {
      padded(T.allCases.map(\.rawValue).firstIndex(of: code) ?? 99)
    }
    switch self {
    case .channel: return position(Channel.self)
    case .publicCategory: return position(PublicCategory.self)
    case .ageBand: return position(AgeBand.self)
    case .requestKind: return position(RequestKind.self)
    case .outcome: return position(Outcome.self)
    case .hour: return padded(Int(code) ?? 99)
    case .site, .desk, .territory:
      return code == Self.notSaidCode ? "~" : label(of: code, names: names).lowercased()
    }
  }
}

/// Names of sites, desks and territories, keyed by their id as a code; aggregates only, no person.
public struct SupervisionNames: Equatable, Sendable {
  public var sites: [String: String]
  public var desks: [String: String]
  public var territories: [String: String]
  /// The site of each desk (desk id → site id), so a site's figure and its desks' are masked together.
  public var deskSites: [String: String]

  public init(
    sites: [String: String] = [:], desks: [String: String] = [:],
    territories: [String: String] = [:], deskSites: [String: String] = [:]
  ) {
    self.sites = sites
    self.desks = desks
    self.territories = territories
    self.deskSites = deskSites
  }
}

/// Which rows a supervisor looks at: real, demonstration (synthetic) or both. Reports always say which.
public enum SyntheticRows: String, CaseIterable, Codable, Sendable {
  case include, exclude, only

  public var label: String {
    switch self {
    case .include: "données réelles et de démonstration"
    case .exclude: "données réelles seulement"
    case .only: "données de démonstration seulement"
    }
  }
}

/// Restricts the visits counted: one code per dimension at most, and which rows (real or synthetic).
public struct SupervisionFilter: Equatable, Hashable, Sendable {
  public var values: [SupervisionDimension: String]
  public var synthetic: SyntheticRows

  public init(_ values: [SupervisionDimension: String] = [:], synthetic: SyntheticRows = .include) {
    self.values = values
    self.synthetic = synthetic
  }

  /// Filters the monthly rollup can answer: site and territory only.
  public var isRollupCompatible: Bool {
    values.keys.allSatisfy { $0 == .site || $0 == .territory }
  }

  /// « Site : CIO Lyon · Public : Salarié », or « aucun filtre ».
  public func label(names: SupervisionNames) -> String {
    let parts = SupervisionDimension.allCases.compactMap { dimension in
      values[dimension].map { "\(dimension.label) : \(dimension.label(of: $0, names: names))" }
    }
    return parts.isEmpty ? "aucun filtre" : parts.joined(separator: " · ")
  }
}
