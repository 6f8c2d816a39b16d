/// A free slot found by « next availability », with who offers it and how long the person would wait.
public struct AvailableSlot: Equatable, Hashable, Sendable {
  public var slot: Slot
  public var advisorName: String
  public var structureID: OperatorStructure.ID
  public var structureName: String
  public var operatorKind: OperatorKind
  /// Paris days from the search day to the slot day (0 = today).
  public var delayDays: Int

  public init(
    slot: Slot, advisorName: String, structureID: OperatorStructure.ID, structureName: String,
    operatorKind: OperatorKind, delayDays: Int
  ) {
    self.slot = slot
    self.advisorName = advisorName
    self.structureID = structureID
    self.structureName = structureName
    self.operatorKind = operatorKind
    self.delayDays = delayDays
  }
}
