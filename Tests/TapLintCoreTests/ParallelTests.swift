import Dispatch
import Synchronization
import Testing
@testable import TapLintCore

@Suite struct ParallelTests {
    @Test(arguments: [1, 2, 4])
    func mapKeepsIndexOrderWhateverTheHandingOrder(_ threads: Int) {
        let order = Array((0..<100).reversed())
        let results = Parallel.map(100, threads: threads, order: order) { $0 * $0 }
        #expect(results == (0..<100).map { $0 * $0 })
    }

    /// Many threads mapping nothing at once (files linted with no template
    /// rule selected): each gets an empty array, and under the thread
    /// sanitizer none writes to storage another reads.
    @Test func mappingNothingFromManyThreads() {
        let empties = Atomic(0)
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            if Parallel.map(0, threads: 1, { $0 }).isEmpty { empties.wrappingAdd(1, ordering: .relaxed) }
        }
        #expect(empties.load(ordering: .relaxed) == 8)
    }

    @Test func alongsideRunsBothAndWaitsForBoth() throws {
        let done = Atomic(false)
        let answer = try #require(Parallel.alongside({ done.store(true, ordering: .sequentiallyConsistent) }) { 42 })
        #expect(answer == 42)
        let finished = done.load(ordering: .sequentiallyConsistent)
        #expect(finished)
    }
}
