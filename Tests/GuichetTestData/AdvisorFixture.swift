import GuichetCore
import GuichetStore

extension AppDatabase {
  /// An advisor of `structureID` with one opening rule of 30-minute slots: what most booking tests need
  /// before anything can be booked.
  public func openAdvisor(
    _ displayName: String, at structureID: OperatorStructure.ID?, weekdays: Set<Weekday>,
    start: TimeOfDay, end: TimeOfDay, place: AppointmentPlace = .onSite, validFrom: LocalDate
  ) throws -> Advisor {
    guard let structureID else { throw FixtureError.unsaved }
    let advisor = try saveAdvisor(
      Advisor(structureID: structureID, displayName: displayName), by: .commandLine)
    guard let advisorID = advisor.id else { throw FixtureError.unsaved }
    _ = try saveOpeningRule(
      OpeningRule(
        advisorID: advisorID, weekdays: weekdays, start: start, end: end, slotMinutes: 30,
        place: place, validFrom: validFrom), by: .commandLine)
    return advisor
  }
}

/// A fixture was handed a row the database never saved.
public enum FixtureError: Error { case unsaved }
