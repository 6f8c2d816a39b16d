/// Why « next availability » found nothing, so the agent knows whether to call the administrator (no
/// opening hours entered yet) or to tell the person every slot is taken for now.
public enum NoSlotReason: Equatable, Hashable, Sendable {
  /// No active advisor of these operator kinds serving the territory has opening hours from that day on.
  case noOpeningHours
  /// Opening hours exist, but every slot within the search horizon is booked or falls in an absence.
  case fullyBooked(horizonDays: Int)
  /// No structure of these kinds serves the territory, and no open directory of them exists to bundle
  /// (Cap emploi, the regional CEP operator): an administrator must add one.
  case noOpenDirectory([OperatorKind])
}

extension OperatorKind {
  /// Kinds no open directory publishes (checked in 2024): a site adds its own structures of these kinds.
  public static let withoutOpenDirectory: [OperatorKind] = [.capEmploi, .regionAccredited]
}
