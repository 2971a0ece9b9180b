-- Indexes for the agent's ticket lists at volume (bench/: 100k tickets). Forward-only.

-- The queue view counts the open tickets of the agent's queues that they may see. With this index
-- the count is an index-only scan: the state and queue filters and the owner/responsible part of
-- the visibility check are all in it, where the heap held one open ticket per page to visit.
CREATE INDEX tickets_state_queue_visibility ON tickets (state_id, queue_id) INCLUDE (owner_id, responsible_id);
