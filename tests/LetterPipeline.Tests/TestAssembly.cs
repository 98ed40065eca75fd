// These tests start real worker, converter and database processes with time limits and leases. Run side by side
// on a 2-core CI machine they starved each other into spurious timeouts, so they run one class at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
