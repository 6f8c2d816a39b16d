import GRDB
import GuichetCore

/// Like `StoreErrors.run`, but also lets a lost booking race through as `SlotTakenError`, and turns the
/// schema's last-resort refusals (consent triggers, the live-slot index) into French messages.
enum BookingErrors {
  static func run<T>(_ action: String, _ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as UserError {
      throw error
    } catch let error as SlotTakenError {
      throw error
    } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
      let message = error.message ?? ""
      if message.contains("consent") {
        throw UserError(
          "\(action) impossible : il faut un consentement en cours, donné pour cette structure.")
      }
      throw UserError("\(action) impossible : \(StoreErrors.reason(error)).")
    } catch {
      throw UserError(
        "\(action) impossible : \(StoreErrors.reason(error)).",
        retryable: StoreErrors.isBusy(error))
    }
  }

  /// The unique index on live seats refused the row: another desk holds the slot.
  static func isSlotConflict(_ error: DatabaseError) -> Bool {
    error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE
      && (error.message ?? "").contains("appointment.advisor_id")
  }
}
