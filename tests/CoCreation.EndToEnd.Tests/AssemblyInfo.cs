// One platform at a time: two started at once on a two-core machine would only slow each other down.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
