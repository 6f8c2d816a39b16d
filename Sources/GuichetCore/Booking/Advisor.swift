/// A second-level advisor (conseiller). Professional data only: the name shown on agendas and slips.
public struct Advisor: Equatable, Hashable, Sendable {
  public typealias ID = Int64

  public var id: ID?
  public var structureID: OperatorStructure.ID
  public var displayName: String
  /// A removed advisor keeps past appointments but gets no new ones.
  public var isActive: Bool

  public init(
    id: ID? = nil, structureID: OperatorStructure.ID, displayName: String, isActive: Bool = true
  ) {
    self.id = id
    self.structureID = structureID
    self.displayName = displayName
    self.isActive = isActive
  }
}
