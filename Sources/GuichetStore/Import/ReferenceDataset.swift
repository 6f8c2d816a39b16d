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
  /// Diploma codes (CFD) ↔ RNCP and the apprenticeship kit (issue 15), from the RNCP folder.
  case diplomas = "diplomes"
  /// Certif Info 2025: newer RNCP fiches, Formacode, ROME links.
  case certifinfo
  /// InserJeunes outcomes and the BCN table that brings school rows to a diploma.
  case inserjeunes
  /// InserJeunes by establishment (UAI), lycées and CFA, all their diplomas pooled.
  case establishments = "inserjeunes-etablissements"
  /// DARES hiring tensions (2019) by FAP2009 family and département.
  case tensions

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
    case .diplomas: "France compétences – codes diplômes (2021) et kit apprentissage (2023)"
    case .certifinfo: "Réseau des Carif-Oref – Certif Info (2025)"
    case .inserjeunes: "DEPP-DARES – InserJeunes"
    case .establishments: "DEPP-DARES – InserJeunes par établissement"
    case .tensions: "DARES – tensions sur le marché du travail (2019)"
    }
  }

  /// Sub-folder of the published tree (`../shared/data`) that `import all` reads for this dataset.
  public var defaultFolder: String {
    switch self {
    case .rome: "rome-4.0"
    case .romeTree: "rome-tree-2021"
    case .rncp, .diplomas: "rncp-2021"
    case .territories: "territories"
    case .bmo, .salaries, .tensions: "labour"
    case .structures: "structures"
    case .operators: "operators"
    case .certifinfo, .inserjeunes, .establishments: "formations"
    }
  }
}
