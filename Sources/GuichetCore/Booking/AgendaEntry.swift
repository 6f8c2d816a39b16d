/// One line of an advisor's agenda: the appointment, who the person is (while consent holds) and the
/// handover note from the first level, made of codes only.
public struct AgendaEntry: Equatable, Hashable, Sendable {
  public var appointment: Appointment
  public var advisorName: String
  public var structureName: String
  /// nil once consent is withdrawn or the contact purged.
  public var contact: Contact?
  public var handover: Handover

  public init(
    appointment: Appointment, advisorName: String, structureName: String, contact: Contact?,
    handover: Handover
  ) {
    self.appointment = appointment
    self.advisorName = advisorName
    self.structureName = structureName
    self.contact = contact
    self.handover = handover
  }
}

/// What the first level passes on to the advisor: coded facts of the visit, no free text.
public struct Handover: Equatable, Hashable, Sendable {
  public var publicCategory: PublicCategory
  public var ageBand: AgeBand
  public var requestKinds: [RequestKind]
  /// ROME codes consulted during the visit, when the information screens record them.
  public var occupationCodes: [String]
  public var visitDay: LocalDate?
  /// The visit's territory (ZTEF) by name: the advisor knows which local offer and bassin the person comes from.
  public var territoryName: String?

  public init(
    publicCategory: PublicCategory, ageBand: AgeBand, requestKinds: [RequestKind],
    occupationCodes: [String] = [], visitDay: LocalDate? = nil, territoryName: String? = nil
  ) {
    self.publicCategory = publicCategory
    self.ageBand = ageBand
    self.requestKinds = requestKinds
    self.occupationCodes = occupationCodes
    self.visitDay = visitDay
    self.territoryName = territoryName
  }
}
