"""A bare Streamlit app with the explorer's widgets and no logic: the benchmark's yardstick."""

import plotly.graph_objects as go
import pydeck as pdk
import streamlit as st

STEPS = [f"1990-01-19T{h:02d}:00" for h in range(18, 24)] + [f"1990-01-20T{h:02d}:00" for h in range(0, 13)]
POINTS = [
    {"name": name, "position": [lon, lat]}
    for name, lat, lon in [
        ("a", 40.4042, 49.8077), ("b", 40.3578, 49.8269), ("c", 40.3610, 49.8240),
        ("d", 40.3725, 49.8533), ("e", 40.3560, 49.8650),
    ]
]

st.select_slider("Time", options=STEPS, value="1990-01-20T00:00", key="t")
st.pydeck_chart(
    pdk.Deck(
        layers=[pdk.Layer("ScatterplotLayer", id="points", data=POINTS, get_position="position",
                          get_fill_color=[200, 40, 40], get_radius=150, pickable=True)],
        initial_view_state=pdk.ViewState(latitude=40.38, longitude=49.84, zoom=11.5),
        map_provider=None,
        tooltip={"text": "{name}"},
    ),
    key="map", on_select="rerun",
)
st.plotly_chart(go.Figure(go.Bar(x=[1, 2, 3, 4, 5], y=["a", "b", "c", "d", "e"], orientation="h")), key="chart")
