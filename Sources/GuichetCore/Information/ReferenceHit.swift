/// One line of the console's search results: a métier, a certification or a structure.
public struct ReferenceHit: Equatable, Hashable, Sendable {
  public enum Kind: String, CaseIterable, Sendable {
    case occupation, certification, structure

    /// Heading of the group in the result list.
    public var groupTitle: String {
      switch self {
      case .occupation: "Métiers"
      case .certification: "Certifications"
      case .structure: "Structures"
      }
    }
  }

  public var kind: Kind
  public var code: String
  public var title: String
  public var subtitle: String?

  public init(kind: Kind, code: String, title: String, subtitle: String? = nil) {
    self.kind = kind
    self.code = code
    self.title = title
    self.subtitle = subtitle
  }
}

/// The answer to one typed query, grouped by kind in display order, with the sources of what it lists.
public struct ReferenceResults: Equatable, Sendable {
  public var query: String
  public var hits: [ReferenceHit]
  public var sources: [DataSource]

  public init(query: String, hits: [ReferenceHit], sources: [DataSource] = []) {
    self.query = query
    self.hits = hits
    self.sources = sources
  }
}
