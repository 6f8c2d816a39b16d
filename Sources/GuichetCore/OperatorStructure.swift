/// A local structure of an operator network (« Mission locale de Vienne »), with where it is and the
/// territories it serves, so « next availability » can search every operator of the person's territory.
public struct OperatorStructure: Equatable, Hashable, Sendable {
  public typealias ID = Int64

  public var id: ID?
  public var kind: OperatorKind
  public var name: String
  public var address: String?
  public var postcode: String?
  public var city: String?
  public var phone: String?
  public var email: String?
  public var territoryIDs: [Int64]
  /// Id in the Service-Public.fr directory when the structure was seeded from it.
  public var sourceID: String?
  public var isActive: Bool

  public init(
    id: ID? = nil, kind: OperatorKind, name: String, address: String? = nil,
    postcode: String? = nil, city: String? = nil, phone: String? = nil, email: String? = nil,
    territoryIDs: [Int64] = [], sourceID: String? = nil, isActive: Bool = true
  ) {
    self.id = id
    self.kind = kind
    self.name = name
    self.address = address
    self.postcode = postcode
    self.city = city
    self.phone = phone
    self.email = email
    self.territoryIDs = territoryIDs
    self.sourceID = sourceID
    self.isActive = isActive
  }

  /// « 6 rue de la Résistance, 42000 Saint-Étienne », or what is known of it.
  public var fullAddress: String {
    let town = [postcode, city].compactMap { $0 }.joined(separator: " ")
    return [address, town.isEmpty ? nil : town].compactMap { $0 }.joined(separator: ", ")
  }
}
