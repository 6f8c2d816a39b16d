/// A structure of the orientation directory (CIO, Mission locale, PIJ…), with where it sits relative to a territory.
public struct OrientationStructure: Equatable, Hashable, Sendable {
  public enum Place: Int, Comparable, Sendable {
    /// Its commune lies in the territory.
    case territory
    /// Same département as the territory.
    case departement
    /// Elsewhere in the region.
    case region

    public static func < (lhs: Place, rhs: Place) -> Bool { lhs.rawValue < rhs.rawValue }
  }

  public var id: String
  public var name: String
  public var typeTag: String
  public var typeLabel: String
  public var address: String?
  public var postcode: String?
  public var city: String?
  public var phone: String?
  public var email: String?
  public var website: String?
  public var place: Place
  /// Opening hours as published (France services): « lun. 09:00 - 12:00 · mar. … ».
  public var hours: String?
  /// What the data says is missing or doubtful (« adresse à compléter »).
  public var note: String?
  /// Source line of this entry's data; nil for a structure typed by an administrator.
  public var source: String?
  /// The bookable operator structure this entry is, if any.
  public var bookableStructureID: Int64?

  public init(
    id: String, name: String, typeTag: String, typeLabel: String, address: String? = nil,
    postcode: String? = nil, city: String? = nil, phone: String? = nil, email: String? = nil,
    website: String? = nil, place: Place = .region, hours: String? = nil, note: String? = nil,
    source: String? = nil, bookableStructureID: Int64? = nil
  ) {
    self.hours = hours
    self.note = note
    self.source = source
    self.bookableStructureID = bookableStructureID
    self.id = id
    self.name = name
    self.typeTag = typeTag
    self.typeLabel = typeLabel
    self.address = address
    self.postcode = postcode
    self.city = city
    self.phone = phone
    self.email = email
    self.website = website
    self.place = place
  }
}

/// The directory for a territory (or the whole region when none is given): structures in the territory first,
/// then the rest of its départements, then the region.
public struct StructureDirectory: Equatable, Sendable {
  public var territory: Territory?
  public var structures: [OrientationStructure]
  public var source: DataSource?

  public init(territory: Territory?, structures: [OrientationStructure], source: DataSource?) {
    self.territory = territory
    self.structures = structures
    self.source = source
  }
}
