// Test-only helper for the multi-process booking race (Tests/GuichetStoreTests/BookingRaceTests.swift).
// One process = one desk: it opens the shared file, waits for the common start time, then tries to book
// every slot of the list in order and prints « OK <reference> » after each acknowledged booking.
//
//   guichet-race-helper safe|naive <database> <slots file> <advisor id> <visit id> <consent id> <start epoch>
//
// `safe` books through AppDatabase.book (one IMMEDIATE transaction + unique index). `naive` is the pattern
// the issue measured as double-booking: read whether the slot is free in one access, insert in another,
// into `naive_appointment`, a copy of the appointment table without the index, made by the test.
import Foundation
import GRDB
import GuichetCore
import GuichetStore

#if canImport(Glibc)
  import Glibc
#endif

/// Unbuffered: a line is on its way to the test as soon as the booking is acknowledged.
func say(_ line: String) {
  FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

let arguments = CommandLine.arguments
guard arguments.count == 8, let advisorID = Int64(arguments[4]), let visitID = Int64(arguments[5]),
  let consentID = Int64(arguments[6]), let startEpoch = Double(arguments[7])
else {
  FileHandle.standardError.write(
    Data(
      "usage: guichet-race-helper safe|naive <db> <slots> <advisor> <visit> <consent> <start>\n"
        .utf8))
  exit(2)
}
let naive = arguments[1] == "naive"
let slots: [Slot] =
  (try? String(contentsOfFile: arguments[3], encoding: .utf8))?
  .split(separator: "\n").compactMap { line in
    let parts = line.split(separator: " ").compactMap { Double($0) }
    guard parts.count == 2 else { return nil }
    return Slot(
      advisorID: advisorID, startsAt: Date(timeIntervalSince1970: parts[0]),
      endsAt: Date(timeIntervalSince1970: parts[1]))
  } ?? []

do {
  let database = try AppDatabase.open(path: arguments[2])
  let wait = startEpoch - Date().timeIntervalSince1970
  if wait > 0 { usleep(useconds_t(wait * 1_000_000)) }
  var taken = 0
  for slot in slots {
    let reference = BookingReference.generate()
    if naive {
      let live = try database.writer.read { db in
        try Int.fetchOne(
          db,
          sql: """
            SELECT count(*) FROM naive_appointment
            WHERE advisor_id = ? AND starts_at = ? AND cancelled_at IS NULL
            """, arguments: [advisorID, slot.startsAt]) ?? 0
      }
      if live > 0 {
        taken += 1
        continue
      }
      try database.writer.write { db in
        try db.execute(
          sql: """
            INSERT INTO naive_appointment (reference, advisor_id, starts_at, ends_at, seat, day, place,
              visit_id, consent_id, desk_id, delay_days, status, created_at)
            VALUES (?, ?, ?, ?, 0, ?, 'on_site', ?, ?, 0, 0, 'booked', ?)
            """,
          arguments: [
            reference.value, advisorID, slot.startsAt, slot.endsAt, slot.date.number, visitID,
            consentID, Date(),
          ])
      }
      say("OK \(reference.value)")
    } else {
      do {
        let booked = try database.book(
          reference: reference, slot: slot, visitID: visitID, consentID: consentID,
          by: .commandLine)
        say("OK \(booked.reference.value)")
      } catch is SlotTakenError {
        taken += 1
      }
    }
  }
  say("TAKEN \(taken)")
} catch let error as UserError {
  say("ERR \(error.message)")
  exit(1)
} catch {
  say("ERR \(error)")
  exit(1)
}
