/// Where this console runs: the reception point (Site) and the terminal at it (Desk).
public struct Workplace: Equatable, Sendable {
  public var siteID: Int64
  public var siteName: String
  public var deskID: Int64
  public var deskName: String
  public init(siteID: Int64, siteName: String, deskID: Int64, deskName: String) {
    self.siteID = siteID
    self.siteName = siteName
    self.deskID = deskID
    self.deskName = deskName
  }
}
