print("dialer-bench: under construction")
