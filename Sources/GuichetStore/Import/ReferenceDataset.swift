/// The families of published files `guichet import` knows, each replaced as a whole.
public enum ReferenceDataset: String, CaseIterable, Codable, Sendable {
  case rome
  case romeTree = "rome-tree"
  case rncp
  case territories
  case bmo
  case salaries
  case structures
  /// France Travail agencies, Transitions Pro, France services (issue 14), after `structures` (same directory table).
  case operators

  /// Attribution line shown wherever the data is displayed (wording from the data's README).
  public var source: String {
    switch self {
    case .rome: "France Travail – ROME 4.0"
    case .romeTree: "France Travail – arborescence ROME (14/06/2021)"
    case .rncp: "France compétences – RNCP (export 2021)"
    case .territories: "Insee – Zones d’emploi 2020 ; France Travail – bassins BMO"
    case .bmo: "France Travail – enquête BMO 2024"
    case .salaries: "DARES – Portrait statistique des métiers"
    case .structures: "Service-Public.fr – annuaire (2019)"
    case .operators:
      "France Travail – référentiel des agences (2019) ; Services Publics+ (2023) ; ANCT – France services (2024) ; Transitions Pro (2022)"
    }
  }

  /// Sub-folder of the published tree (`../shared/data`) that `import all` reads for this dataset.
  public var defaultFolder: String {
    switch self {
    case .rome: "rome-4.0"
    case .romeTree: "rome-tree-2021"
    case .rncp: "rncp-2021"
    case .territories: "territories"
    case .bmo, .salaries: "labour"
    case .structures: "structures"
    case .operators: "operators"
    }
  }
}
