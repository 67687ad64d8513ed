/** Common Swedish names (Statistics Sweden's most frequent), for fictional demo people. */

export const womensNames: readonly string[] = (
  "Anna Eva Maria Karin Sara Kristina Lena Emma Kerstin Ingrid Marie Malin Jenny Hanna Linda Annika " +
  "Susanne Elin Monica Birgitta Sofia Johanna Carina Elisabeth Julia Ida Linnéa Ulla Katarina " +
  "Margareta Amanda Camilla Helena Åsa Therese Frida Matilda Caroline Josefin Emelie Wilma Ebba " +
  "Alva Maja Elsa Klara Moa Agnes Lisa Sanna Gunilla Ann-Christin Britt Siv Anneli Jessica Petra " +
  "Cecilia Lovisa Tove"
).split(" ");

export const mensNames: readonly string[] = (
  "Lars Mikael Anders Johan Erik Per Karl Peter Jan Thomas Daniel Fredrik Hans Andreas Stefan " +
  "Mattias Marcus Magnus Jonas Mats Niklas Bengt Alexander Oskar Martin Viktor Patrik Henrik Björn " +
  "Sven Emil Simon Robert Joakim Christer Tobias Kjell Göran Ulf Rickard Linus Filip Gustav Axel " +
  "Anton Jonathan Hampus Oliver Lucas William Elias Rasmus Sebastian Kristoffer Roger Leif Åke Olof " +
  "Pontus Albin"
).split(" ");

export const familyNames: readonly string[] = (
  "Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson " +
  "Pettersson Jonsson Jansson Hansson Bengtsson Jönsson Lindberg Jakobsson Magnusson Olofsson " +
  "Lindström Lindqvist Lindgren Berg Axelsson Bergström Lundberg Lind Lundgren Lundqvist Mattsson " +
  "Berglund Fredriksson Sandberg Henriksson Forsberg Sjöberg Wallin Engström Eklund Danielsson " +
  "Lundin Håkansson Björk Bergman Gunnarsson Holm Wikström Samuelsson Isaksson Fransson Bergqvist " +
  "Nyström Holmberg Arvidsson Löfgren Söderberg Nyberg Blomqvist Claesson Nordström Mårtensson " +
  "Lundström Ali Viklund Björklund Eliasson Pålsson Berggren Sandström Lund Nordin Ström Åberg " +
  "Hermansson Ekström Holmgren Sundberg Hedlund Dahlberg Hellström Sjögren Abrahamsson Falk " +
  "Martinsson Öberg Andreasson Strömberg Månsson Åkesson Hansen Norberg Lindholm Dahl Jonasson " +
  "Mohammed Östlund Jämtlund Ersson Brandt Nordlund Hallberg Rönnberg Sundqvist"
).split(" ");
