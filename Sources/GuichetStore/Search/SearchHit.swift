/// One search result: a métier (ROME code), a certification (RNCP code) or a structure (directory id).
/// `rank` is the 1-based position within its kind.
public struct SearchHit: Equatable, Codable, Sendable {
  public var kind: SearchKind
  public var code: String
  public var title: String
  public var subtitle: String?
  public var rank: Int

  public init(kind: SearchKind, code: String, title: String, subtitle: String? = nil, rank: Int) {
    self.kind = kind
    self.code = code
    self.title = title
    self.subtitle = subtitle
    self.rank = rank
  }
}
