/// What routing looks at: the coded, anonymous facts of a visit, never identity.
public struct RoutingProfile: Equatable, Sendable {
  public var publicCategory: PublicCategory
  public var ageBand: AgeBand
  public var requestKinds: Set<RequestKind>
  public var territoryID: Int64?

  public init(
    publicCategory: PublicCategory, ageBand: AgeBand, requestKinds: Set<RequestKind>,
    territoryID: Int64? = nil
  ) {
    self.publicCategory = publicCategory
    self.ageBand = ageBand
    self.requestKinds = requestKinds
    self.territoryID = territoryID
  }

  public init(_ visit: Visit) {
    self.init(
      publicCategory: visit.publicCategory, ageBand: visit.ageBand,
      requestKinds: Set(visit.requestKinds), territoryID: visit.territoryID)
  }
}
