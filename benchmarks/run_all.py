"""Run every benchmark and print its figures (benchmarks print; tests never assert times).

    python benchmarks/run_all.py
"""

import bargaining_peer
import engine_scaling
import frontier
import hub_room
import multi_issue_peer
import import_time
import notebook_execution
import png_encoder
import seminar_store
import voila_room
import voila_roundtrip
import widget_latency

if __name__ == "__main__":
    for module in (import_time, png_encoder, widget_latency, notebook_execution, voila_roundtrip, bargaining_peer, engine_scaling, frontier, multi_issue_peer,
                   seminar_store, voila_room, hub_room):
        module.main()
        print()
