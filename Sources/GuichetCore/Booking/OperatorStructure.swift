import Foundation

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
  /// INSEE code of its commune, which places it in a bassin.
  public var inseeCode: String?
  /// What the source data leaves missing or doubtful (« adresse à compléter »), until an administrator clears it.
  public var note: String?

  public init(
    id: ID? = nil, kind: OperatorKind, name: String, address: String? = nil,
    postcode: String? = nil, city: String? = nil, phone: String? = nil, email: String? = nil,
    territoryIDs: [Int64] = [], sourceID: String? = nil, isActive: Bool = true,
    inseeCode: String? = nil, note: String? = nil
  ) {
    self.inseeCode = inseeCode
    self.note = note
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

  /// « Mission locale Aix-les-Bains »: the network and the town, for lists and one-line headers, where the
  /// legal name (« Mission locale pour l'insertion professionnelle … - Aix-les-Bains ») is cut before the town
  /// that tells neighbouring structures apart. The slip body and the consent text keep the full name.
  public var shortLabel: String { Self.shortLabel(kind: kind, name: name, city: city) }

  /// Names up to this many columns already fit a list line and are kept as typed.
  static let shortLabelWidth = 40

  /// The town is the name's last « - » part (how the directory names structures), else the address's town
  /// without « Cedex »; with neither, the full name.
  public static func shortLabel(kind: OperatorKind, name: String, city: String?) -> String {
    let name = name.trimmingCharacters(in: .whitespaces)
    if DisplayWidth.of(name) <= shortLabelWidth { return name }
    var town: String?
    if let dash = name.range(of: " - ", options: .backwards) {
      town = String(name[dash.upperBound...])
    } else if let city {
      town = city.replacingOccurrences(of: " Cedex", with: "", options: .caseInsensitive)
    }
    guard let town = town?.trimmingCharacters(in: .whitespaces), !town.isEmpty else { return name }
    return "\(kind.label) \(town)"
  }

  /// « 6 rue de la Résistance, 42000 Saint-Étienne », or what is known of it.
  public var fullAddress: String {
    let town = [postcode, city].compactMap { $0 }.joined(separator: " ")
    return [address, town.isEmpty ? nil : town].compactMap { $0 }.joined(separator: ", ")
  }
}
