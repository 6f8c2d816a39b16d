/// What became of the leavers of one diploma by one voie, for one millésime (InserJeunes, DEPP-DARES): the figures
/// as published for the region, never recomputed from the counts.
public struct DiplomaOutcome: Equatable, Hashable, Sendable {
  /// School (lycée) or apprenticeship: InserJeunes publishes them apart and they are never added together.
  public enum Voie: String, CaseIterable, Sendable {
    case school = "scolaire"
    case apprenticeship = "apprentissage"

    public var label: String {
      switch self {
      case .school: "Voie scolaire"
      case .apprenticeship: "Apprentissage"
      }
    }
  }

  /// The diploma code (CFD) the row reached, through the BCN table for school rows.
  public var diplomaCode: String
  /// The school row's MEF (the course: a CAP in one, two or three years has one row each), nil for apprenticeship.
  public var mefCode: String?
  public var voie: Voie
  /// `2022_2023`: InserJeunes pools the leavers of two years in one millésime.
  public var millesime: String
  /// Students in the final year (the cohort).
  public var cohort: Int?
  public var leavers: Int?
  public var employedAt6Months: OutcomeRate
  public var employedAt12Months: OutcomeRate
  public var employedAt24Months: OutcomeRate
  public var continuingStudies: OutcomeRate

  public init(
    diplomaCode: String, mefCode: String? = nil, voie: Voie, millesime: String, cohort: Int?,
    leavers: Int?,
    employedAt6Months: OutcomeRate, employedAt12Months: OutcomeRate,
    employedAt24Months: OutcomeRate, continuingStudies: OutcomeRate
  ) {
    self.diplomaCode = diplomaCode
    self.mefCode = mefCode
    self.voie = voie
    self.millesime = millesime
    self.cohort = cohort
    self.leavers = leavers
    self.employedAt6Months = employedAt6Months
    self.employedAt12Months = employedAt12Months
    self.employedAt24Months = employedAt24Months
    self.continuingStudies = continuingStudies
  }

  /// `2022_2023` → « 2022-2023 ».
  public var millesimeLabel: String { millesime.replacingOccurrences(of: "_", with: "-") }

  /// The attribution line every display of these figures carries.
  public static let source = "DEPP-DARES – InserJeunes, Auvergne-Rhône-Alpes"
}

/// One published rate. An empty cell is statistical secrecy (fewer than 20 in the denominator) and is shown as
/// such, never as 0; a delay not yet reached for a recent millésime is said so, not called secret.
public enum OutcomeRate: Hashable, Sendable {
  case percent(Int)
  case secret
  case notYetMeasured

  public var label: String {
    switch self {
    case .percent(let value): "\(value) %"
    case .secret: "secret"
    case .notYetMeasured: "pas encore mesuré"
    }
  }
}

/// A certification's débouchés as a métier fiche lists them: the certification and its latest figures by voie.
public struct CertificationOutcomes: Equatable, Hashable, Sendable {
  public var code: String
  public var title: String
  public var outcomes: [DiplomaOutcome]
  public init(code: String, title: String, outcomes: [DiplomaOutcome]) {
    self.code = code
    self.title = title
    self.outcomes = outcomes
  }
}

/// The DARES hiring-tension category of one FAP2009 family in one area (a département, the region or France).
public struct HiringTension: Equatable, Hashable, Sendable {
  public var familyCode: String
  public var familyLabel: String?
  /// « Isère », « Auvergne-Rhône-Alpes » or « France ».
  public var area: String
  public var year: Int
  /// 1 (very low) to 5 (very high), nil when DARES publishes none (too few offers).
  public var category: Int?

  public init(familyCode: String, familyLabel: String?, area: String, year: Int, category: Int?) {
    self.familyCode = familyCode
    self.familyLabel = familyLabel
    self.area = area
    self.year = year
    self.category = category
  }

  /// « forte (4 sur 5) ».
  public var categoryLabel: String {
    guard let category else { return "non publiée" }
    let words = ["très faible", "faible", "moyenne", "forte", "très forte"]
    let word = (1...5).contains(category) ? words[category - 1] : "catégorie \(category)"
    return "\(word) (\(category) sur 5)"
  }

  public static let source = "DARES – Les tensions sur le marché du travail"
}
