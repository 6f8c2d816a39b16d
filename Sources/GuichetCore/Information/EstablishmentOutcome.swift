/// What became of one establishment's leavers (InserJeunes by establishment, DEPP-DARES): all its vocational
/// diplomas pooled, as published for one millésime. The file names no diploma, so these figures describe the
/// establishment, never one diploma; they are shown beside the diploma's regional figures, not instead of them.
public struct EstablishmentOutcome: Equatable, Hashable, Sendable {
  /// Which file the row comes from: lycées (voie professionnelle) or apprenticeship centres (CFA).
  public enum Kind: String, CaseIterable, Sendable {
    case lycee
    case cfa

    public var label: String {
      switch self {
      case .lycee: "Lycée (voie professionnelle)"
      case .cfa: "CFA (apprentissage)"
      }
    }
  }

  /// A lycée's rows: all its leavers, and for some the apprentices and the pupils apart.
  public enum Population: String, CaseIterable, Sendable {
    case all = "ensemble"
    case apprentices = "apprentis"
    case pupils = "scolaires"

    public var label: String {
      switch self {
      case .all: "tous les sortants"
      case .apprentices: "dont apprentis"
      case .pupils: "dont élèves (voie scolaire)"
      }
    }
  }

  /// The establishment's UAI (8 characters), the key LHÉO gives a place or an organisation.
  public var uai: String
  public var name: String
  public var kind: Kind
  public var population: Population
  /// `2022_2023`.
  public var millesime: String
  /// Shares of the final-year students: continuing studies, in employment 6 months after leaving, other.
  public var continuingStudies: OutcomeRate
  public var employedAt6Months: OutcomeRate
  public var otherSituations: OutcomeRate
  /// Employment rate at 6 months of those who left studies, the rate expected for such an establishment,
  /// and the difference InserJeunes publishes (nil when secret).
  public var employmentRate: OutcomeRate
  public var expectedRate: OutcomeRate
  public var valueAdded: Int?

  public init(
    uai: String, name: String, kind: Kind, population: Population, millesime: String,
    continuingStudies: OutcomeRate, employedAt6Months: OutcomeRate, otherSituations: OutcomeRate,
    employmentRate: OutcomeRate, expectedRate: OutcomeRate, valueAdded: Int?
  ) {
    self.uai = uai
    self.name = name
    self.kind = kind
    self.population = population
    self.millesime = millesime
    self.continuingStudies = continuingStudies
    self.employedAt6Months = employedAt6Months
    self.otherSituations = otherSituations
    self.employmentRate = employmentRate
    self.expectedRate = expectedRate
    self.valueAdded = valueAdded
  }

  /// `2022_2023` → « 2022-2023 ».
  public var millesimeLabel: String { millesime.replacingOccurrences(of: "_", with: "-") }

  /// « +3 points », « -7 points », « secret ».
  public var valueAddedLabel: String {
    guard let valueAdded else { return "secret" }
    return (valueAdded > 0 ? "+" : "") + "\(valueAdded) point" + (abs(valueAdded) > 1 ? "s" : "")
  }

  /// The attribution line every display of these figures carries.
  public static let source = "DEPP-DARES – InserJeunes par établissement, Auvergne-Rhône-Alpes"
}
