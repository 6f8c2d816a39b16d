/// Who is asking the store: every store function that returns or changes contact data takes one, so the
/// permission matrix holds whatever screen or command calls it.
public struct Caller: Equatable, Hashable, Sendable {
  /// The account, or nil for the command line run by the owner of the database file (the service account).
  public var accountID: Int64?
  public var role: Role
  /// The advisor's operator structure; nil for the other roles.
  public var structureID: Int64?

  public init(accountID: Int64?, role: Role, structureID: Int64? = nil) {
    self.accountID = accountID
    self.role = role
    self.structureID = structureID
  }

  /// `guichet person|users|purge` run on the host by whoever owns the file: it can already read every byte,
  /// so it acts as an administrator; the audit trail records it as the command line.
  public static let commandLine = Caller(accountID: nil, role: .administrator)
}
