// The README example runs in the current directory, which is the process's: one test at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
