/// A damaged copy of a published file and where the importer must say the damage is.
public struct ImportMutant: Sendable {
  /// What was done, e.g. « truncated mid quoted field » (for test and bench reports).
  public var kind: String
  public var bytes: [UInt8]
  /// Lines the refusal may name: the record the damage is in, from its first line to the damaged byte's.
  public var lines: ClosedRange<Int>
}
