print("dialerd: under construction")
