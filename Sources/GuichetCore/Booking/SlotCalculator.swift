import Foundation

/// Free slots, computed and never stored: the opening rules, minus public holidays, minus absences, minus live
/// bookings. Pure, so the booking transaction, the « next availability » search and the tests share it.
public enum SlotCalculator {
  /// Every slot the rules open in [from, to), holidays and absences removed, bookings ignored.
  /// Where two rules of one advisor overlap, the earlier slot wins.
  public static func openSlots(
    rules: [OpeningRule], absences: [Absence], from: Date, to: Date,
    timeZone: TimeZone = Day.parisTimeZone
  ) -> [Slot] {
    guard from < to else { return [] }
    let first = LocalDate(from, in: timeZone)
    let last = LocalDate(to, in: timeZone)
    var holidays = Set<LocalDate>()
    for year in first.year...last.year {
      holidays.formUnion(PublicHolidays.holidays(year: year).map(\.date))
    }
    let absencesByAdvisor = Dictionary(grouping: absences, by: \.advisorID)
    var result: [Slot] = []
    for (advisorID, advisorRules) in Dictionary(grouping: rules, by: \.advisorID) {
      var candidates: [Slot] = []
      var date = first
      while date <= last {
        defer { date = date.adding(days: 1) }
        if holidays.contains(date) { continue }
        for rule in advisorRules where rule.applies(on: date) {
          for start in LocalClock.instants(date, rule.startTimes, in: timeZone) {
            guard let start else { continue }
            if start < from || start >= to { continue }
            candidates.append(
              Slot(
                advisorID: advisorID, startsAt: start,
                endsAt: start.addingTimeInterval(TimeInterval(rule.slotMinutes * 60)),
                place: rule.place, capacity: rule.capacity))
          }
        }
      }
      candidates.sort()
      let away = absencesByAdvisor[advisorID] ?? []
      var lastEnd = Date.distantPast
      for slot in candidates {
        if slot.startsAt < lastEnd { continue }
        if away.contains(where: { $0.overlaps(slot.startsAt, slot.endsAt) }) { continue }
        result.append(slot)
        lastEnd = slot.endsAt
      }
    }
    return result.sorted()
  }

  /// The open slots that still have a seat. A booking takes a seat of a slot starting at the same time, and
  /// blocks any other slot it overlaps (a booking made under an older rule keeps its time).
  public static func freeSlots(
    rules: [OpeningRule], absences: [Absence], bookings: [BookedTime], from: Date, to: Date,
    timeZone: TimeZone = Day.parisTimeZone
  ) -> [Slot] {
    let open = openSlots(rules: rules, absences: absences, from: from, to: to, timeZone: timeZone)
    return subtract(bookings, from: open)
  }

  /// Removes booked seats from computed slots.
  public static func subtract(_ bookings: [BookedTime], from slots: [Slot]) -> [Slot] {
    let byAdvisor = Dictionary(grouping: bookings, by: \.advisorID).mapValues {
      $0.sorted { $0.startsAt < $1.startsAt }
    }
    let longest = Dictionary(grouping: bookings, by: \.advisorID).mapValues {
      $0.map { $0.endsAt.timeIntervalSince($0.startsAt) }.max() ?? 0
    }
    return slots.compactMap { slot in
      guard let booked = byAdvisor[slot.advisorID] else { return slot }
      // Bookings that can overlap start before the slot ends and after (slot start − longest booking).
      let earliest = slot.startsAt.addingTimeInterval(-(longest[slot.advisorID] ?? 0))
      var index = firstIndex(in: booked, startingAtOrAfter: earliest)
      var taken = 0
      while index < booked.count, booked[index].startsAt < slot.endsAt {
        let booking = booked[index]
        index += 1
        guard booking.endsAt > slot.startsAt else { continue }
        if booking.startsAt == slot.startsAt && slot.isGroup {
          taken += 1
        } else {
          return nil
        }
      }
      guard taken < slot.capacity else { return nil }
      var free = slot
      free.seatsLeft = slot.capacity - taken
      return free
    }
  }

  static func firstIndex(in booked: [BookedTime], startingAtOrAfter date: Date) -> Int {
    var low = 0
    var high = booked.count
    while low < high {
      let middle = (low + high) / 2
      if booked[middle].startsAt < date { low = middle + 1 } else { high = middle }
    }
    return low
  }
}
