/// One line of the routing table (aiguillage): when a visit matches every non-nil criterion, the operator kind
/// is recommended with `reason`, shown to the agent. Rules are data in the database, so a territory can edit them.
public struct RoutingRule: Equatable, Hashable, Sendable {
  public typealias ID = Int64

  public var id: ID?
  /// Lower comes first; the first matching rule of an operator kind gives its rank and reason.
  public var position: Int
  public var publicCategory: PublicCategory?
  public var ageBand: AgeBand?
  public var requestKind: RequestKind?
  /// nil: every territory.
  public var territoryID: Int64?
  public var operatorKind: OperatorKind
  public var reason: String
  public var isActive: Bool

  public init(
    id: ID? = nil, position: Int, publicCategory: PublicCategory? = nil, ageBand: AgeBand? = nil,
    requestKind: RequestKind? = nil, territoryID: Int64? = nil, operatorKind: OperatorKind,
    reason: String, isActive: Bool = true
  ) {
    self.id = id
    self.position = position
    self.publicCategory = publicCategory
    self.ageBand = ageBand
    self.requestKind = requestKind
    self.territoryID = territoryID
    self.operatorKind = operatorKind
    self.reason = reason
    self.isActive = isActive
  }

  /// A rule that matches everyone would drown every recommendation; one criterion at least is required.
  public func validate() throws(UserError) {
    if SafeText.clean(reason).trimmingSpaces.isEmpty {
      throw UserError("Indiquez la raison de l'orientation : elle est affichée à l'agent.")
    }
    if publicCategory == nil && ageBand == nil && requestKind == nil {
      throw UserError("Une règle d'orientation doit porter sur un public, un âge ou une demande.")
    }
  }

  public func matches(_ profile: RoutingProfile) -> Bool {
    guard isActive else { return false }
    if let publicCategory, publicCategory != profile.publicCategory { return false }
    if let ageBand, ageBand != profile.ageBand { return false }
    if let requestKind, !profile.requestKinds.contains(requestKind) { return false }
    if let territoryID, territoryID != profile.territoryID { return false }
    return true
  }
}

extension String {
  var trimmingSpaces: String {
    String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
  }
}
