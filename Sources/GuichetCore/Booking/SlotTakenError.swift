/// The loser of a booking race: the slot was taken by another desk a moment earlier. Nothing was written,
/// so the form keeps everything typed; the next free slots come along to pick another.
public struct SlotTakenError: Error, Equatable, Sendable {
  public var nextFree: [Slot]

  public init(nextFree: [Slot]) { self.nextFree = nextFree }

  public var message: String {
    nextFree.isEmpty
      ? "Ce créneau vient d'être pris par un autre poste, et ce conseiller n'a plus de créneau libre proche."
      : "Ce créneau vient d'être pris par un autre poste : choisissez l'un des créneaux suivants."
  }

  public var userError: UserError { UserError(message) }
}
