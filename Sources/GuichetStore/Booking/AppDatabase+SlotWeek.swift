import Foundation
import GRDB
import GuichetCore

extension AppDatabase {
  /// One week of free slots for the booking screen, under ``nextAvailability``'s rules (territory, kinds,
  /// or one structure for a move), never before `now`, in one read: the week asked for, or with
  /// `.firstFree` the week of the first free slot. An empty week also says the first free day from now
  /// within `horizonDays`, and when there is none, why (``noSlotReason``).
  public func slotWeek(
    territoryID: Int64?, operatorKinds: [OperatorKind], window: SlotWindow, now: Date,
    horizonDays: Int = 180, structureID: Int64? = nil
  ) throws -> SlotWeek {
    try StoreErrors.run("Recherche des créneaux de la semaine") {
      try writer.read { db in
        let offers = try SlotOffers(
          db, territoryID: territoryID, operatorKinds: operatorKinds, structureID: structureID,
          from: now)
        let horizon = offers.horizonEnd(days: horizonDays)
        var firstFree: AvailableSlot?
        let monday: LocalDate
        switch window {
        case .firstFree:
          firstFree = try offers.first(db, 1, from: now, until: horizon).first
          monday = (firstFree?.slot.date ?? offers.firstDay).startOfWeek
        case .week(let day):
          monday = day.startOfWeek
        }
        let slots = try offers.slots(
          db, from: max(now, LocalClock.startOfDay(monday)),
          to: LocalClock.startOfDay(monday.adding(days: 7)))
        var week = SlotWeek(monday: monday, slots: slots)
        guard slots.isEmpty else { return week }
        if window != .firstFree {
          firstFree = try offers.first(db, 1, from: now, until: horizon).first
        }
        week.firstFreeDay = firstFree?.slot.date
        if firstFree == nil {
          week.noSlotReason = try Self.noSlotReason(
            db, territoryID: territoryID, operatorKinds: operatorKinds, structureID: structureID,
            from: now, horizonDays: horizonDays)
        }
        return week
      }
    }
  }
}
