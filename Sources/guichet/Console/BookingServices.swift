import Foundation
import GuichetCore
import GuichetStore
import GuichetUI

/// What the booking screens need from the store and the desk: routing, slots, consent, contact, the booking
/// transaction, and where slips are written and printed.
struct BookingServices: Sendable {
  var recommend: @Sendable (Visit) throws -> [Recommendation]
  var nextAvailability: @Sendable (Int64?, [OperatorKind], Date) throws -> [AvailableSlot]
  var noSlotReason: @Sendable (Int64?, [OperatorKind], Date) throws -> NoSlotReason
  /// The text to read for a structure of this kind.
  var consentText: @Sendable (OperatorKind) throws -> ConsentText
  var structure: @Sendable (Int64) throws -> OperatorStructure?
  var recordConsent: @Sendable (Int64, Int, Int64, Date) throws -> Consent
  var duplicates: @Sendable (Contact) throws -> [Contact]
  /// The booking and the person's contact, one store transaction: nothing is left of a refused attempt.
  var book:
    @Sendable (BookingReference, Slot, Int64, Int64, Contact, RoutingOverride?, Date) throws
      -> Appointment
  /// Folder the slips are written to (created 0700 on first use, files 0600).
  var slipsDirectory: @Sendable () -> URL
  /// Sends text to `lp`; throws a French `UserError` when printing is not possible.
  var print: @Sendable (String) throws -> Void

  /// The signed-in account is who the store checks and audits for every consent and contact.
  static func live(
    _ database: AppDatabase, workplace: Workplace, session: SessionCaller, slips: URL
  ) -> BookingServices {
    BookingServices(
      recommend: { try database.recommend(for: $0) },
      nextAvailability: {
        try database.nextAvailability(territoryID: $0, operatorKinds: $1, from: $2, limit: 10)
      },
      noSlotReason: { try database.noSlotReason(territoryID: $0, operatorKinds: $1, from: $2) },
      consentText: { try database.consentText(for: $0) },
      structure: { try database.operatorStructure(id: $0) },
      recordConsent: {
        try database.recordConsent(
          visitID: $0, textVersion: $1, recipientStructureID: $2, deskID: workplace.deskID,
          by: try session.current(), at: $3)
      },
      duplicates: { try database.possibleDuplicates(of: $0, by: session.current()) },
      book: {
        try database.book(
          reference: $0, slot: $1, visitID: $2, consentID: $3, contact: $4, override: $5,
          by: session.current(), now: $6)
      },
      slipsDirectory: { slips },
      print: { try SlipFiles.print($0) })
  }

  static let unavailable: BookingServices = {
    let error = UserError("Prise de rendez-vous indisponible.")
    return BookingServices(
      recommend: { _ in throw error }, nextAvailability: { _, _, _ in throw error },
      noSlotReason: { _, _, _ in throw error },
      consentText: { _ in throw error }, structure: { _ in throw error },
      recordConsent: { _, _, _, _ in throw error }, duplicates: { _ in throw error },
      book: { _, _, _, _, _, _, _ in throw error },
      // Never reached: nothing is booked, so no slip is written.
      slipsDirectory: { FileManager.default.temporaryDirectory }, print: { _ in throw error })
  }()
}

/// Slip files and printing: names come from the reference only, files are private to the desk's user.
enum SlipFiles {
  /// `$GUICHET_SLIPS_DIR`, else a `rendez-vous` folder beside the database file: slips belong to the site
  /// whose file booked them, not to whoever runs the console (several sites on one host keep theirs apart).
  static func directory(
    besideDatabase database: String,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> URL {
    if let dir = environment["GUICHET_SLIPS_DIR"], !dir.isEmpty {
      return URL(fileURLWithPath: dir, isDirectory: true)
    }
    return URL(fileURLWithPath: database).standardizedFileURL.deletingLastPathComponent()
      .appendingPathComponent("rendez-vous", isDirectory: true)
  }

  static func write(_ slip: Slip, into directory: URL) throws -> [URL] {
    let files = [
      (directory.appendingPathComponent(slip.fileStem + ".txt"), slip.text),
      (directory.appendingPathComponent(slip.fileStem + ".ics"), slip.ics),
    ]
    do {
      try FileManager.default.createDirectory(
        at: directory, withIntermediateDirectories: true,
        attributes: [.posixPermissions: 0o700])
    } catch {
      throw UserError("Impossible d'enregistrer le coupon dans \(directory.path).")
    }
    // Each file is written, flushed and closed with every error checked (mode 0600), then renamed into place.
    for (url, content) in files { try CheckedOutput.writeFile(content, to: url.path) }
    return files.map(\.0)
  }

  /// The first `lp` on PATH, if any.
  static func lpPath(environment: [String: String] = ProcessInfo.processInfo.environment)
    -> String?
  {
    let path = environment["PATH"] ?? ""
    for dir in path.split(separator: ":") where !dir.isEmpty {
      let candidate = "\(dir)/lp"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }

  static func print(_ text: String) throws {
    guard let lp = lpPath() else {
      throw UserError("Impression indisponible : la commande lp n'existe pas sur ce poste.")
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: lp)
    let input = Pipe()
    process.standardInput = input
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      throw UserError("Impression impossible : lp n'a pas pu être lancé.")
    }
    // A checked write: lp stopping early is an error to show, not a crash of the console.
    var sent = true
    do {
      try CheckedOutput.write(Array(text.utf8), to: input.fileHandleForWriting.fileDescriptor)
    } catch {
      sent = false
    }
    try? input.fileHandleForWriting.close()
    process.waitUntilExit()
    if !sent {
      throw UserError("Impression impossible : le coupon n'a pas pu être envoyé à lp.")
    }
    guard process.terminationStatus == 0 else {
      throw UserError("Impression refusée par lp (code \(process.terminationStatus)).")
    }
  }
}

extension EffectInterpreter {
  func runBooking(_ effect: BookingEffect, context: AppContext) -> [AppAction] {
    let booking = services.booking
    let actions: [AppAction]
    switch effect {
    case .prepare(let visit):
      actions = attempt {
        // The booking hangs on a saved visit: save what the form holds, as in service.
        let saved = try services.save(visit)
        return .booking(.prepared(saved, try booking.recommend(saved)))
      }
    case .findSlots(let territoryID, let kinds):
      do {
        let slots = try booking.nextAvailability(territoryID, kinds, now())
        var found: [AppAction] = [.booking(.slotsFound(kinds: kinds, slots))]
        if slots.isEmpty {
          found.append(
            .booking(
              .noSlotReason(kinds: kinds, try booking.noSlotReason(territoryID, kinds, now()))))
        }
        actions = found
      } catch {
        actions = attempt { throw error }
      }
    case .recordOutcome(var visit, let reason, let close):
      actions = attempt {
        visit.outcome = .noBooking
        visit.reason = reason
        visit.startedAt = visit.startedAt ?? visit.arrivedAt
        if close { visit.closedAt = visit.closedAt ?? max(now(), visit.startedAt ?? now()) }
        return .booking(.outcomeRecorded(try services.save(visit), closed: close))
      }
    case .loadConsent(let structureID):
      actions = attempt {
        guard let structure = try booking.structure(structureID) else {
          throw UserError("Cette structure n'existe plus ou n'accueille plus de rendez-vous.")
        }
        return .booking(.consentLoaded(try booking.consentText(structure.kind), structure))
      }
    case .recordConsent(let visitID, let version, let structureID):
      actions = attempt {
        .booking(.consentRecorded(try booking.recordConsent(visitID, version, structureID, now())))
      }
    case .findDuplicates(let contact):
      actions = attempt { .booking(.duplicatesFound(try booking.duplicates(contact))) }
    case .book(let request):
      return [book(request, booking)]
    case .saveSlip(let slip):
      actions = attempt {
        let files = try SlipFiles.write(slip, into: booking.slipsDirectory())
        let names = files.map(\.lastPathComponent).joined(separator: " et ")
        return .booking(
          .slipSaved(
            "Coupon enregistré : \(names) dans \(files[0].deletingLastPathComponent().path)"))
      }
    case .printSlip(let slip):
      actions = attempt {
        try booking.print(slip.text)
        return .booking(.slipPrinted("Coupon envoyé à l'imprimante (lp)."))
      }
    }
    // Booking screens show their own errors; the generic failure only sets the status line.
    return actions.map {
      if case .failed(let error) = $0 { return .booking(.failed(error)) }
      return $0
    }
  }

  /// The reference is generated here, before the write, and reported with any failure so a retry reuses it.
  func book(_ request: BookingRequest, _ booking: BookingServices) -> AppAction {
    let reference = request.reference ?? BookingReference.generate()
    do {
      let appointment = try booking.book(
        reference, request.slot.slot, request.visitID, request.consentID, request.contact,
        request.override, now())
      return .booking(.booked(appointment))
    } catch let taken as SlotTakenError {
      return .booking(.slotTaken(taken.offers(like: request.slot)))
    } catch {
      return failure(error, "Réservation impossible") { .booking(.bookingFailed(reference, $0)) }
    }
  }
}
