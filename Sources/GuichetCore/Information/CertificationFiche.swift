/// An RNCP fiche as the certification screen shows it.
public struct CertificationFiche: Equatable, Sendable {
  public var code: String
  public var title: String
  public var level: Int?
  public var typeLabel: String?
  public var isActive: Bool
  /// Publication status as France compétences words it (« Publiée »…).
  public var status: String?
  /// End of validity, `yyyy-MM-dd`.
  public var endDate: String?
  /// « Enregistrement de droit » or « sur demande ».
  public var registration: String?
  public var nsfDomains: [CodeLabel]
  public var occupations: [CodeLabel]
  public var previousCodes: [String]
  public var nextCodes: [String]
  public var sources: [DataSource]
  /// Latest InserJeunes figures of each voie for the diplomas of this fiche (empty when none reaches it).
  public var outcomes: [DiplomaOutcome]
  /// From the apprenticeship kit: true open, false closed, nil when the kit does not say.
  public var openToApprenticeship: Bool?
  /// Formacode (v13) themes from Certif Info.
  public var formacodes: [CodeLabel]
  /// True when the fiche is known from Certif Info only (registered after the 2021 RNCP export).
  public var fromCertifInfo: Bool

  public init(
    code: String, title: String, level: Int? = nil, typeLabel: String? = nil, isActive: Bool,
    status: String? = nil, endDate: String? = nil, registration: String? = nil,
    nsfDomains: [CodeLabel] = [], occupations: [CodeLabel] = [], previousCodes: [String] = [],
    nextCodes: [String] = [], sources: [DataSource] = [], outcomes: [DiplomaOutcome] = [],
    openToApprenticeship: Bool? = nil, formacodes: [CodeLabel] = [], fromCertifInfo: Bool = false
  ) {
    self.code = code
    self.title = title
    self.level = level
    self.typeLabel = typeLabel
    self.isActive = isActive
    self.status = status
    self.endDate = endDate
    self.registration = registration
    self.nsfDomains = nsfDomains
    self.occupations = occupations
    self.previousCodes = previousCodes
    self.nextCodes = nextCodes
    self.sources = sources
    self.outcomes = outcomes
    self.openToApprenticeship = openToApprenticeship
    self.formacodes = formacodes
    self.fromCertifInfo = fromCertifInfo
  }
}
