// One Chromium at a time: each test class starts its own, and the machines this runs on have two cores shared with
// the other test projects of the solution.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
