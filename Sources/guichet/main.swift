print("guichet")
