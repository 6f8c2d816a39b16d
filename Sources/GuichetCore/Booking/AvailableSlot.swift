/// A free slot found by « next availability », with who offers it and how long the person would wait.
public struct AvailableSlot: Equatable, Hashable, Sendable {
  public var slot: Slot
  public var advisorName: String
  public var structureID: OperatorStructure.ID
  public var structureName: String
  /// The structure's town from its address, for ``structureLabel`` when the name carries none.
  public var structureCity: String?
  public var operatorKind: OperatorKind
  /// Paris days from the search day to the slot day (0 = today).
  public var delayDays: Int

  public init(
    slot: Slot, advisorName: String, structureID: OperatorStructure.ID, structureName: String,
    operatorKind: OperatorKind, delayDays: Int, structureCity: String? = nil
  ) {
    self.slot = slot
    self.advisorName = advisorName
    self.structureID = structureID
    self.structureName = structureName
    self.structureCity = structureCity
    self.operatorKind = operatorKind
    self.delayDays = delayDays
  }

  /// « Mission locale Chambéry » for the slot list and one-line headers.
  public var structureLabel: String {
    OperatorStructure.shortLabel(kind: operatorKind, name: structureName, city: structureCity)
  }
}
